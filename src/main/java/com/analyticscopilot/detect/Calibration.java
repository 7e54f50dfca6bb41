package com.analyticscopilot.detect;

import com.analyticscopilot.detect.stl.KpiScale;
import com.analyticscopilot.detect.stl.RobustScale;
import com.analyticscopilot.detect.stl.StlScores;
import org.apache.commons.math3.special.Erf;

/**
 * Puts anomaly scores on one scale: a two-sided tail probability, and the standard-normal score
 * with the same tail probability. See docs/scoring.md for the reasoning.
 *
 * <p>Each view is first re-standardised against its own robust residual distribution (median
 * and 1.4826 MAD of its scores on the same site and KPI), so a view whose raw scores run wide or
 * narrow on a site is brought back to unit spread; the tail probability is then the normal one,
 * {@code p = 2 (1 - Phi(|z|))}. Tail probabilities are handled as logarithms so that scores far
 * out (z = 40 has p = 1e-350, below the smallest double) still order correctly.
 */
public final class Calibration {

    private static final double LOG_2 = Math.log(2);
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private Calibration() {
    }

    /**
     * Robust re-standardisation: {@code (s - median) / (1.4826 MAD)} of the scores' own
     * distribution; {@code NaN} stays {@code NaN}. Scores with no spread at all are returned
     * centred but unscaled.
     */
    public static double[] standardise(double[] scores) {
        double center = RobustScale.median(scores);
        double[] out = new double[scores.length];
        if (Double.isNaN(center)) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        // The floor: a view that gives the same score everywhere has no spread to learn from.
        double sigma = RobustScale.sigma(scores, center, 1e-12);
        for (int i = 0; i < scores.length; i++) {
            out[i] = (scores[i] - center) / sigma;
        }
        return out;
    }

    /**
     * The forecast errors judged like the STL remainder: on the KPI's working scale (the started
     * log {@code log(x + c)} for counts and money, raw for ratios) and over the STL view's
     * per-step spread, which holds the series' own noise plus the sampling noise of the step's
     * volume. Both views then share one noise model and differ only in what they expect. On the
     * forecaster's own scale (log1p) a day without a single order on a small shop is many
     * spreads below any forecast; on the started log it is log(2 m) below a day of m orders,
     * as STL judges it. {@code NaN} where the forecast, the observation or the spread is.
     *
     * @param observed the observations, in the KPI's own units
     * @param forecast the neural view's forecasts, in the same units
     * @param stl      the STL view's scores of the same series (its scale and per-step spread)
     * @param logShift the c of {@code log(x + c)} the STL view used (ignored on a raw scale)
     */
    public static double[] onStlScale(double[] observed, double[] forecast, StlScores stl,
                                      double logShift) {
        int n = observed.length;
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            double spread = stl.sigma()[t];
            out[t] = spread > 0 ? (working(stl.scale(), observed[t], logShift)
                    - working(stl.scale(), forecast[t], logShift)) / spread : Double.NaN;
        }
        return out;
    }

    private static double working(KpiScale scale, double x, double shift) {
        // Negative values (an invalid count, a forecast below zero) count as zero.
        return scale == KpiScale.LOG1P ? Math.log(Math.max(x, 0.0) + shift) : x;
    }

    /** log of the two-sided normal tail probability {@code 2 (1 - Phi(|z|))}. */
    public static double logTail(double z) {
        double a = Math.abs(z);
        if (a < 30) {
            // erfc(a / sqrt 2) = 2 (1 - Phi(a)), accurate to the last bits in this range.
            return Math.log(Erf.erfc(a / Math.sqrt(2)));
        }
        // Mills-ratio expansion: 1 - Phi(a) = phi(a) / a (1 - 1/a^2 + 3/a^4 - ...); at a >= 30
        // three terms are exact to double precision.
        double inv2 = 1 / (a * a);
        double series = 1 - inv2 + 3 * inv2 * inv2;
        return LOG_2 - 0.5 * a * a - HALF_LOG_2PI - Math.log(a) + Math.log(series);
    }

    /** The non-negative z whose two-sided tail probability has logarithm {@code logP}. */
    public static double zFromLogTail(double logP) {
        if (logP >= 0) {
            return 0;
        }
        // Newton's method on f(z) = logTail(z) - logP, which is decreasing and concave; start
        // from the leading term of the expansion above, z ~ sqrt(-2 log p).
        double z = Math.sqrt(-2 * logP);
        for (int i = 0; i < 50; i++) {
            double f = logTail(z) - logP;
            // d/dz log(2 (1 - Phi(z))) = -2 phi(z) / (2 (1 - Phi(z))) = -exp(log phi - logTail)
            double slope = -Math.exp(LOG_2 - 0.5 * z * z - HALF_LOG_2PI - logTail(z));
            double next = Math.max(z - f / slope, 0.5 * z);
            if (Math.abs(next - z) < 1e-12 * Math.max(1, z)) {
                return next;
            }
            z = next;
        }
        return z;
    }
}
