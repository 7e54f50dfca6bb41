package com.analyticscopilot.detect;

/**
 * Combines the two views' calibrated scores into one, by the Cauchy combination of their tail
 * probabilities (Liu and Xie, JASA 2020):
 * {@code T = sum_i w_i tan((1/2 - p_i) pi)}, {@code p = 1/2 - arctan(T) / pi}.
 *
 * <p>Why this rule (docs/scoring.md has the details):
 * <ul>
 *   <li>it is a valid tail probability whatever the dependence between the views, and the two
 *       views see the same observation, so they are far from independent (Fisher's method
 *       would be over-confident);</li>
 *   <li>in the tail it behaves like the weighted harmonic mean of the p-values: one view alone
 *       at p costs a factor 1 / w (here 2) against it, and two views agreeing at p give p, so
 *       agreement is rewarded and a strong signal from one view is not averaged away;</li>
 *   <li>it is monotone in each input (strictly, once the input's tail probability is below
 *       1/2; see {@link #LOG_MAX_P}).</li>
 * </ul>
 * Signs: the fused score takes the sign of the view with the stronger evidence.
 */
public final class Fusion {

    /** Equal weights: neither view is known in advance to be the better one. */
    private static final double WEIGHT = 0.5;

    /** Below this tail probability tan((1/2 - p) pi) = 1 / (pi p) to double precision. */
    private static final double LOG_SMALL_P = Math.log(1e-12);

    private Fusion() {
    }

    /**
     * The fused standard-normal score of two calibrated scores. When one is {@code NaN} (the
     * view has no judgement at that step) the other is returned as it is.
     */
    public static double fuse(double zStl, double zLstm) {
        if (Double.isNaN(zStl)) {
            return zLstm;
        }
        if (Double.isNaN(zLstm)) {
            return zStl;
        }
        double logP1 = Calibration.logTail(zStl);
        double logP2 = Calibration.logTail(zLstm);
        double logP = combine(logP1, logP2);
        double sign = Math.abs(zStl) >= Math.abs(zLstm) ? Math.signum(zStl) : Math.signum(zLstm);
        double z = Calibration.zFromLogTail(logP);
        return sign == 0 ? z : sign * z;
    }

    /**
     * The largest tail probability a view enters the combination with. A Cauchy term for p above
     * 1/2 is negative and tends to minus infinity as p tends to 1, so a view that sees nothing
     * at all (z = 0, p = 1) would cancel any evidence of the other. Capped at 1/2 its term is 0:
     * a view without evidence adds nothing, and votes against nothing.
     */
    private static final double LOG_MAX_P = Math.log(0.5);

    /** The log tail probability of the Cauchy combination of two log tail probabilities. */
    static double combine(double logP1In, double logP2In) {
        double logP1 = Math.min(logP1In, LOG_MAX_P);
        double logP2 = Math.min(logP2In, LOG_MAX_P);
        boolean bothFar = Math.max(logP1, logP2) < LOG_SMALL_P;
        // Beyond exp(700) a double overflows; the other term is negligible against it anyway.
        boolean oneBeyondDoubles = Math.min(logP1, logP2) < -700;
        if (bothFar || oneBeyondDoubles) {
            // Far out: T = (w / p1 + w / p2) / pi and p = 1 / (pi T), so
            // p = 1 / (w / p1 + w / p2), computed as a log-sum-exp.
            double a = Math.log(WEIGHT) - logP1;
            double b = Math.log(WEIGHT) - logP2;
            double m = Math.max(a, b);
            return -(m + Math.log(Math.exp(a - m) + Math.exp(b - m)));
        }
        double t = WEIGHT * cauchy(logP1) + WEIGHT * cauchy(logP2);
        if (t > 1e12) {
            return -Math.log(Math.PI * t);
        }
        double p = 0.5 - Math.atan(t) / Math.PI;
        return Math.log(Math.max(p, Double.MIN_NORMAL));
    }

    private static double cauchy(double logP) {
        if (logP < LOG_SMALL_P) {
            return Math.exp(-logP) / Math.PI;
        }
        return Math.tan((0.5 - Math.exp(logP)) * Math.PI);
    }
}
