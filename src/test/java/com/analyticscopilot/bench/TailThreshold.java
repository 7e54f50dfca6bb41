package com.analyticscopilot.bench;

import java.util.Arrays;

/**
 * A per-file alert threshold from the tail of a file's own scores, by peaks over threshold:
 * take the scores of a calibration stretch (NAB's unscored probation), keep those above their
 * 90 % quantile (the peaks), fit a generalised Pareto distribution to the excesses by
 * probability-weighted moments (Hosking and Wallis, Technometrics 1987), and return the score
 * that one step in {@code 1 / p} exceeds. Needs no labels. Used by {@link NabBenchmark} only.
 */
final class TailThreshold {

    /** Peaks are the scores above this quantile of the calibration stretch. */
    static final double PEAK_QUANTILE = 0.90;

    /** Fewer peaks than this cannot fit two parameters sensibly; fall back to the maximum. */
    static final int MIN_PEAKS = 10;

    private TailThreshold() {
    }

    /**
     * The score exceeded with probability {@code p} per step, extrapolated from the peaks of
     * {@code scores} (NaN ignored). With too few peaks, the largest score seen.
     */
    static double exceededWithProbability(double[] scores, double p) {
        double[] s = Arrays.stream(scores).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (s.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        int uIndex = (int) Math.floor(PEAK_QUANTILE * (s.length - 1));
        double u = s[uIndex];
        double[] excess = Arrays.stream(s, uIndex + 1, s.length).map(v -> v - u)
                .filter(v -> v > 0).toArray();
        if (excess.length < MIN_PEAKS) {
            return s[s.length - 1];
        }
        double zeta = excess.length / (double) s.length;
        if (p >= zeta) {
            return u;
        }
        double[] fit = fitGpd(excess);
        double xi = fit[0];
        double sigma = fit[1];

        // P(X > u + y) = zeta * (1 + xi y / sigma)^(-1/xi); solve for y at probability p.
        double ratio = zeta / p;
        double y = Math.abs(xi) < 1e-6 ? sigma * Math.log(ratio)
                : sigma / xi * (Math.pow(ratio, xi) - 1);
        return u + y;
    }

    /**
     * Shape xi and scale sigma of a generalised Pareto fit to positive excesses, by
     * probability-weighted moments: a0 = mean, a1 = E[X (1 - F(X))]; then (Hosking's k = -xi)
     * k = a0 / (a0 - 2 a1) - 2 and sigma = 2 a0 a1 / (a0 - 2 a1). The shape is clamped to
     * [-0.5, 0.9]: beyond, the fit of a few dozen peaks says more about noise than about a tail.
     */
    static double[] fitGpd(double[] excess) {
        double[] x = excess.clone();
        Arrays.sort(x);
        int n = x.length;
        double a0 = 0;
        double a1 = 0;
        for (int j = 0; j < n; j++) {
            a0 += x[j];
            a1 += x[j] * (n - 1 - j) / (double) (n - 1);
        }
        a0 /= n;
        a1 /= n;
        double denominator = a0 - 2 * a1;
        double k = a0 / denominator - 2;
        double sigma = 2 * a0 * a1 / denominator;
        double xi = Math.max(-0.5, Math.min(0.9, -k));
        return new double[] {xi, sigma};
    }
}
