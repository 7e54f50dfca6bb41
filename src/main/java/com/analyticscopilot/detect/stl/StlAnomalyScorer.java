package com.analyticscopilot.detect.stl;

import com.analyticscopilot.data.KpiRole;

/**
 * The statistical anomaly score of one KPI series: STL on the role's {@link KpiScale}, then a
 * robust z-score of each remainder.
 *
 * <p>The spread a remainder is divided by has two parts. The first is the series' own robust
 * spread, 1.4826 MAD of its remainders. The second is sampling noise that changes from day to
 * day with the volume behind the value:
 * <ul>
 *   <li>a ratio p of n trials (conversion rate of n sessions) has binomial variance
 *       p (1 - p) / n, so a rate from 40 sessions swings 30 times more than one from 40,000;</li>
 *   <li>a count with mean mu has Poisson variance mu, which on the log1p scale is about
 *       mu / (1 + mu)^2 (delta method): large for 10 orders a day, negligible for 10,000;</li>
 *   <li>money made of m transactions (revenue of m orders) has, on the log scale, variance
 *       about (1 + c^2) / m, c being the coefficient of variation of one transaction's value;
 *       this applies when the caller knows m.</li>
 * </ul>
 * The series' spread already contains the sampling noise of a typical day, so the extra
 * (non-sampling) variance is what is left after taking the median sampling variance out:
 * {@code tau^2 = max(sigma^2 - median(v), 0)}, and day t is judged against
 * {@code sqrt(tau^2 + v_t)}. A low-volume day thus needs a larger move to be flagged, and a site
 * whose noise is all counting noise is not flagged for it.
 *
 * <p>Thread-safe: holds only immutable settings.
 */
public final class StlAnomalyScorer {

    /**
     * Probability bounds for the binomial variance, so that a fitted rate at 0 (or slightly
     * below, loess can overshoot) still gets a variance: one in a million is below any rate a
     * KPI dashboard shows.
     */
    private static final double MIN_RATE = 1e-6;

    private final StlParameters parameters;
    private final int defaultPeriod;

    /**
     * @param parameters    STL parameters; unset ones take R's defaults
     * @param defaultPeriod the period to use when the parameters set none (from the time step)
     */
    public StlAnomalyScorer(StlParameters parameters, int defaultPeriod) {
        this.parameters = java.util.Objects.requireNonNull(parameters, "parameters");
        this.defaultPeriod = defaultPeriod;
    }

    /**
     * Scores one series.
     *
     * @param values the KPI's values, {@code NaN} where missing
     * @param role   the KPI's role, which picks the scale and the sampling-noise model
     * @param trials the independent units behind each value, or {@code null} when unknown: for
     *               a ratio the volume it is a share of (sessions behind a conversion rate), for
     *               money the expected number of transactions (orders behind revenue); ignored
     *               for counts, which are their own trials
     */
    public StlScores score(double[] values, KpiRole role, double[] trials) {
        return score(values, role, trials, 1.0);
    }

    /**
     * Scores one series, with the constant added before taking logs given explicitly.
     *
     * @param logShift on the log scale, the series is {@code log(x + logShift)}: 1 (log1p) for
     *                 counts, whose unit is one event; for money, half the value of a typical
     *                 transaction. Anscombe's started logarithm: a day with no order at all
     *                 then sits log(2 m) below a day of m orders, not log(m a) below as with
     *                 log1p, which for a few orders a day would turn every ordinary orderless
     *                 day into an extreme outlier.
     */
    public StlScores score(double[] values, KpiRole role, double[] trials, double logShift) {
        if (!(logShift > 0)) {
            throw new IllegalArgumentException("logShift must be positive, got " + logShift);
        }
        int n = values.length;
        KpiScale scale = KpiScale.forRole(role);
        StlParameters.Resolved p = parameters.resolve(n, defaultPeriod);

        // Judging needs two full cycles of observations, as the decomposition itself does.
        int observed = 0;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = Double.isNaN(values[t]) ? Double.NaN : forward(scale, values[t], logShift);
            observed += Double.isNaN(y[t]) ? 0 : 1;
        }
        if (n < 2 * p.period() || observed < 2 * p.period()) {
            return StlScores.unscored(n, scale);
        }

        StlDecomposition d = StlDecomposer.decompose(y, p);
        double[] trend = d.trend();
        double[] seasonal = d.seasonal();
        double[] remainder = d.remainder();
        double[] expected = new double[n];
        double[] fitted = new double[n];
        for (int t = 0; t < n; t++) {
            fitted[t] = trend[t] + seasonal[t];
            expected[t] = inverse(scale, fitted[t], logShift);
        }

        // The series' own robust spread. The floor only matters for a constant series, where
        // every remainder is 0 and any spread gives z = 0; 1e-9 of the level avoids 0 / 0.
        double center = RobustScale.median(remainder);
        double level = Math.abs(RobustScale.median(y));
        double sigma = RobustScale.sigma(remainder, center, 1e-9 * Math.max(level, 1e-3));

        double[] sampling = samplingVariance(role, values, expected, trials, logShift);
        double typical = sampling == null ? 0 : RobustScale.median(sampling);
        double extra = Math.max(sigma * sigma - (Double.isNaN(typical) ? 0 : typical), 0);

        double[] z = new double[n];
        double[] spread = new double[n];
        for (int t = 0; t < n; t++) {
            double v = sampling == null ? 0 : sampling[t];
            spread[t] = sampling == null ? sigma : Math.sqrt(extra + v);
            z[t] = Double.isNaN(remainder[t]) || Double.isNaN(spread[t]) || spread[t] <= 0
                    ? Double.NaN : (remainder[t] - center) / spread[t];
        }
        return new StlScores(scale, trend, seasonal, remainder, expected, z, spread);
    }

    private static double forward(KpiScale scale, double x, double shift) {
        return scale == KpiScale.LOG1P ? Math.log(Math.max(x, 0.0) + shift) : x;
    }

    private static double inverse(KpiScale scale, double y, double shift) {
        return scale == KpiScale.LOG1P ? Math.exp(y) - shift : y;
    }

    /**
     * Coefficient of variation assumed for the value of one transaction (an order's amount) when
     * money is judged with its transaction count: 1, as for an exponential distribution. Order
     * values are right-skewed; real shops show 0.5 to 1.5, and erring high only makes a small
     * shop's revenue need a slightly larger move to be flagged.
     */
    static final double TRANSACTION_VALUE_CV = 1.0;

    /** Per-step sampling variance on the working scale, or {@code null} when none applies. */
    private static double[] samplingVariance(KpiRole role, double[] values, double[] expected,
                                             double[] trials, double logShift) {
        int n = values.length;
        if (role == KpiRole.RATIO && trials != null) {
            // The rate in p (1 - p) / n is the series' volume-weighted mean rate: on a small site
            // the day's fitted rate is itself noisy, and the variance hardly changes with p.
            double successes = 0;
            double total = 0;
            for (int t = 0; t < n; t++) {
                if (!Double.isNaN(values[t]) && !Double.isNaN(trials[t]) && trials[t] > 0) {
                    successes += values[t] * trials[t];
                    total += trials[t];
                }
            }
            double rate = total > 0 ? successes / total : Double.NaN;
            rate = Math.min(Math.max(rate, MIN_RATE), 1 - MIN_RATE);
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                // No volume, no judgement: a rate of zero sessions is undefined.
                v[t] = Double.isNaN(trials[t]) || trials[t] <= 0 ? Double.NaN
                        : rate * (1 - rate) / trials[t];
            }
            return v;
        }
        if (role == KpiRole.COUNT) {
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                double mu = Math.max(expected[t], 0);
                v[t] = mu / ((1 + mu) * (1 + mu));
            }
            return v;
        }
        if (role == KpiRole.MONEY && trials != null) {
            // Compound Poisson: m transactions of mean value a and coefficient of variation c
            // give revenue with mean m a and variance m a^2 (1 + c^2); on the started-log scale
            // log(x + a / 2) that is (1 + c^2) m / (m + 1/2)^2 (delta method).
            double[] v = new double[n];
            for (int t = 0; t < n; t++) {
                double m = Math.max(trials[t], 0);
                v[t] = Double.isNaN(m) ? Double.NaN
                        : (1 + TRANSACTION_VALUE_CV * TRANSACTION_VALUE_CV) * m
                        / ((m + 0.5) * (m + 0.5));
            }
            return v;
        }
        return null;
    }
}
