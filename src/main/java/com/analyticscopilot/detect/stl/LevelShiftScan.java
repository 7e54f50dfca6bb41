package com.analyticscopilot.detect.stl;

import java.util.Arrays;

/**
 * A moving-window test for level shifts, after the MOSUM procedure of Eichinger and Kirch (2018,
 * "A MOSUM procedure for the estimation of multiple random change points"), with medians in
 * place of means. The detector runs it in both views (docs/scoring.md section 3b).
 *
 * <p>Why it is needed: a robust loess trend over four weeks takes a lasting change of level into
 * the trend within days. The remainder at the change is then only part of the shift, and the
 * days after it look normal, so the STL point score misses moderate shifts. The one-step
 * forecaster sees the first day at the new level as a miss and then follows, so its point score
 * cannot corroborate a late STL alarm either; its run of one-signed errors after the shift can.
 *
 * <p>The statistic compares, at each step t, the level of a series d (for the STL view the
 * deseasonalised series, trend + remainder on the working scale, less its ordinary drift; for
 * the neural view its calibrated errors) over the {@code window} steps before t with its level
 * from t on:
 * <pre>T_t = (median d[t, t+m) - median d[t-k, t)) / (1.2533 sqrt(s_b^2 / k + s_a^2 / m))</pre>
 * s is the root mean square of the view's per-step spread over each window, 1.2533 =
 * sqrt(pi / 2) the large-sample ratio of a median's standard error to a mean's, and m is the
 * window shortened at the end of the series. Without a change T is about standard normal (the
 * caller checks this on its data and widens it if it is not). Medians make it robust: a spike or
 * a dip that fills less than half of a window moves a median little, so m must be at least
 * {@code minAfter} steps (the detector uses two cycles), enough that an incident of under a week
 * is a minority of it.
 *
 * <p>|T| rises to a plateau around a change and falls off on both sides. Each local maximum of
 * |T| within one window on either side is one finding. It is dated by the classic least-squares
 * change point of the segment around it: the split that maximises the standardised difference
 * of the two sides' means (the CUSUM estimator). The plateau of a median statistic is flat, so
 * its own maximum can sit days off the change, while the least-squares split is sharp.
 *
 * <p>Thread-safe: stateless.
 */
public final class LevelShiftScan {

    /**
     * sqrt(pi / 2): the standard error of the median of m normal values is about this times the
     * standard error of their mean (exact as m grows; for small m the true ratio is lower, so the
     * statistic errs small).
     */
    static final double MEDIAN_EFFICIENCY = 1.2533;

    /**
     * Where values are clipped, in spreads, when dating a change: as the fusion's view cap,
     * beyond six spreads a value says "far out", not how far.
     */
    static final double CLIP = 6.0;

    private LevelShiftScan() {
    }

    /**
     * The scan statistic at every step; {@code NaN} where either window holds fewer than
     * {@code minAfter} observed values or there is no spread.
     *
     * @param deseasonalised the series compared, {@code NaN} where missing
     * @param spread         its per-step spread
     * @param window         k, the steps compared on each side
     * @param minAfter       the fewest observed steps a window may hold; at most {@code window}
     */
    public static double[] statistic(double[] deseasonalised, double[] spread, int window,
                                     int minAfter) {
        if (minAfter < 1 || minAfter > window) {
            throw new IllegalArgumentException("need 1 <= minAfter <= window, got " + minAfter
                    + " and " + window);
        }
        if (spread.length != deseasonalised.length) {
            throw new IllegalArgumentException("series and spread differ in length");
        }
        int n = deseasonalised.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        if (n < window + minAfter) {
            return out;
        }
        SlidingWindow before = new SlidingWindow(window);
        SlidingWindow after = new SlidingWindow(window);
        for (int s = 0; s < window; s++) {
            before.add(deseasonalised[s], spread[s]);
        }
        for (int s = window; s < Math.min(n, 2 * window); s++) {
            after.add(deseasonalised[s], spread[s]);
        }
        for (int t = window; t + minAfter <= n; t++) {
            if (t > window) {
                // Slide both windows one step: t - 1 moves from after to before.
                before.remove(deseasonalised[t - window - 1], spread[t - window - 1]);
                before.add(deseasonalised[t - 1], spread[t - 1]);
                after.remove(deseasonalised[t - 1], spread[t - 1]);
                if (t + window - 1 < n) {
                    after.add(deseasonalised[t + window - 1], spread[t + window - 1]);
                }
            }
            if (before.count() < minAfter || after.count() < minAfter) {
                continue;
            }
            double variance = before.meanSquareSpread() / before.count()
                    + after.meanSquareSpread() / after.count();
            if (variance > 0 && Double.isFinite(variance)) {
                out[t] = (after.median() - before.median())
                        / (MEDIAN_EFFICIENCY * Math.sqrt(variance));
            }
        }
        return out;
    }

    /**
     * The findings: at the change point of each local maximum of |statistic| (the largest
     * within {@code window} steps on either side, the earliest of equals), the statistic's
     * value; {@code NaN} elsewhere.
     *
     * @param statistic      from {@link #statistic}
     * @param deseasonalised the series the statistic was computed on, to date the changes
     * @param spread         the spread it was computed with
     * @param window         the window the statistic was computed with
     */
    public static double[] changes(double[] statistic, double[] deseasonalised,
                                   double[] spread, int window) {
        int n = statistic.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int t = 0; t < n; t++) {
            double here = Math.abs(statistic[t]);
            if (Double.isNaN(here)) {
                continue;
            }
            boolean peak = true;
            int to = Math.min(n - 1, t + window);
            for (int s = Math.max(0, t - window); s <= to && peak; s++) {
                double there = Math.abs(statistic[s]);
                peak = Double.isNaN(there) || there < here || (there == here && s >= t);
            }
            if (peak) {
                int at = changePoint(deseasonalised, spread, Math.max(0, t - window),
                        Math.min(n, t + window));
                if (Double.isNaN(out[at]) || Math.abs(out[at]) < here) {
                    out[at] = statistic[t];
                }
            }
        }
        return out;
    }

    /**
     * The least-squares single change point of d[from, to): the first step of the second
     * segment, the split j that maximises
     * {@code |mean(before j) - mean(from j on)| sqrt(n_b n_a / n)}. Values are first clipped to
     * {@value #CLIP} spreads around the segment's median, so that an outage of 90 % (twenty
     * spreads or more on the log scale) inside the segment does not outweigh a lasting shift of
     * two or three. Missing values are skipped.
     */
    static int changePoint(double[] d, double[] spread, int from, int to) {
        double median = RobustScale.median(Arrays.copyOfRange(d, from, to));
        double[] x = new double[to - from];
        int count = 0;
        double total = 0;
        for (int s = from; s < to; s++) {
            if (Double.isNaN(d[s]) || Double.isNaN(spread[s])) {
                x[s - from] = Double.NaN;
                continue;
            }
            double bound = CLIP * spread[s];
            x[s - from] = Math.max(-bound, Math.min(bound, d[s] - median));
            total += x[s - from];
            count++;
        }
        int best = from;
        double bestValue = -1;
        double sum = 0;
        int before = 0;
        for (int j = from + 1; j < to; j++) {
            double previous = x[j - 1 - from];
            if (!Double.isNaN(previous)) {
                sum += previous;
                before++;
            }
            int after = count - before;
            if (before == 0 || after == 0 || Double.isNaN(x[j - from])) {
                continue;
            }
            double value = Math.abs(sum / before - (total - sum) / after)
                    * Math.sqrt((double) before * after / count);
            if (value > bestValue) {
                bestValue = value;
                best = j;
            }
        }
        return best;
    }

    /**
     * The observed values of a sliding window kept sorted (insert and remove by binary search,
     * O(window) each), with the running sum of squared spreads.
     */
    private static final class SlidingWindow {
        private final double[] sorted;
        private int count;
        private double squares;

        SlidingWindow(int capacity) {
            sorted = new double[capacity];
        }

        void add(double value, double spread) {
            if (Double.isNaN(value) || Double.isNaN(spread)) {
                return;
            }
            int at = Arrays.binarySearch(sorted, 0, count, value);
            at = at < 0 ? -at - 1 : at;
            System.arraycopy(sorted, at, sorted, at + 1, count - at);
            sorted[at] = value;
            count++;
            squares += spread * spread;
        }

        void remove(double value, double spread) {
            if (Double.isNaN(value) || Double.isNaN(spread)) {
                return;
            }
            int at = Arrays.binarySearch(sorted, 0, count, value);
            if (at < 0) {
                throw new IllegalStateException("value not in window: " + value);
            }
            System.arraycopy(sorted, at + 1, sorted, at, count - at - 1);
            count--;
            squares -= spread * spread;
        }

        int count() {
            return count;
        }

        double meanSquareSpread() {
            return Math.max(squares, 0) / count;
        }

        double median() {
            int mid = count / 2;
            return count % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
        }
    }
}
