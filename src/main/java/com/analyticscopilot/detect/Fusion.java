package com.analyticscopilot.detect;

import com.analyticscopilot.detect.stl.RobustScale;

import java.util.ArrayList;
import java.util.List;

/**
 * Combines the two views' calibrated scores into one: Stouffer's sum of z-scores, corrected for
 * the correlation between the views, and never beyond the stronger view,
 * {@code z = clamp((z_stl + z_lstm) / sqrt(2 + 2 rho), -m, m)} with
 * {@code m = max(|z_stl|, |z_lstm|)}.
 *
 * <p>Why this rule (docs/scoring.md section 5 has the details):
 * <ul>
 *   <li>If both calibrated scores are standard normal on normal data with correlation rho, the
 *       sum is too, and the clamp only lowers it: the threshold keeps its meaning, slightly
 *       conservatively.</li>
 *   <li>It asks for corroboration. An anomaly moves the observation away from both the STL fit
 *       and the forecast, in the same direction, so both scores grow. A view's own false alarm
 *       (the forecaster's echo of last week's incident, a loess wiggle at the end of a series)
 *       is seen by one view only and is diluted. Rules that take the stronger of the two views
 *       (minimum p-value, Cauchy combination) add the false alarms of both views, which made the
 *       fused score worse than the better view alone.</li>
 *   <li>Corroboration confirms, it does not amplify. In the tails the two views move together
 *       more than their bulk correlation says, so two views each just short of the threshold
 *       must not add up to a flag.</li>
 *   <li>It is non-decreasing in each input, and symmetric.</li>
 * </ul>
 * rho is estimated robustly, from the robust spreads of the sum and the difference of the two
 * score series, {@code rho = (s+^2 - s-^2) / (s+^2 + s-^2)}, which the few anomalies do not
 * move; the detector pools it per KPI over the sites ({@link #pooledCorrelation}). It is bounded
 * to [0, 0.9]: a negative estimate would let two disagreeing views add up to more than their
 * sum, and near 1 the views are one view.
 */
public final class Fusion {

    /**
     * The largest calibrated score one view brings into the sum. A normal tail beyond 6 has
     * probability 2e-9, far below what a few hundred residuals of one series can calibrate:
     * beyond it a view says "far out", not how far. Capped, one view alone reaches at most
     * 6 / sqrt(2 + 2 rho), 3.5 at rho = 0.5, below the default threshold of 4.5, so a flag needs
     * support from the other view at the default sensitivity.
     */
    public static final double VIEW_CAP = 6.0;

    /** Ten pairs: fewer give a spread estimate too rough to correct anything with. */
    private static final int MIN_PAIRS = 10;

    /** The highest correlation used: above this the two views carry no separate evidence. */
    static final double MAX_RHO = 0.9;

    private Fusion() {
    }

    /**
     * The fused score of two calibrated scores with correlation {@code rho}. When one is
     * {@code NaN} (the view has no judgement at that step, e.g. the forecaster's first window)
     * the other is returned as it is.
     */
    public static double fuse(double zStl, double zLstm, double rho) {
        return combine(zStl, zLstm, rho, VIEW_CAP);
    }

    /**
     * The fused score without the cap: how far out the two views together put a point, once the
     * capped score has decided that it is out at all. Severity is graded on this.
     */
    public static double strength(double zStl, double zLstm, double rho) {
        return combine(zStl, zLstm, rho, Double.POSITIVE_INFINITY);
    }

    private static double combine(double zStl, double zLstm, double rho, double cap) {
        if (Double.isNaN(zStl)) {
            return zLstm;
        }
        if (Double.isNaN(zLstm)) {
            return zStl;
        }
        double r = Math.max(0, Math.min(MAX_RHO, Double.isNaN(rho) ? 0 : rho));
        double a = Math.max(-cap, Math.min(cap, zStl));
        double b = Math.max(-cap, Math.min(cap, zLstm));
        double sum = (a + b) / Math.sqrt(2 + 2 * r);
        // Corroboration confirms, it does not amplify: never beyond the stronger view.
        double stronger = Math.max(Math.abs(a), Math.abs(b));
        return Math.max(-stronger, Math.min(stronger, sum));
    }

    /**
     * The correlation of the two views on one KPI across a portfolio: the median of the
     * per-series {@link #correlation robust correlations} of the series where both views scored
     * at least ten steps, bounded to [0, {@link #MAX_RHO}]; 0 when there is none.
     */
    public static double pooledCorrelation(List<double[]> stl, List<double[]> lstm) {
        if (stl.size() != lstm.size()) {
            throw new IllegalArgumentException("need one neural series per STL series, got "
                    + stl.size() + " and " + lstm.size());
        }
        List<Double> estimates = new ArrayList<>();
        for (int i = 0; i < stl.size(); i++) {
            if (pairs(stl.get(i), lstm.get(i)) >= MIN_PAIRS) {
                estimates.add(correlation(stl.get(i), lstm.get(i)));
            }
        }
        if (estimates.isEmpty()) {
            return 0;
        }
        double median = RobustScale.median(estimates.stream().mapToDouble(Double::doubleValue)
                .toArray());
        return Math.max(0, Math.min(MAX_RHO, median));
    }

    private static int pairs(double[] a, double[] b) {
        int both = 0;
        for (int t = 0; t < Math.min(a.length, b.length); t++) {
            both += Double.isNaN(a[t]) || Double.isNaN(b[t]) ? 0 : 1;
        }
        return both;
    }

    /**
     * The robust correlation of two score series over the steps where both exist; 0 when fewer
     * than 10 steps have both.
     */
    public static double correlation(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        double[] sum = new double[n];
        double[] diff = new double[n];
        int both = 0;
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(a[t]) || Double.isNaN(b[t])) {
                sum[t] = Double.NaN;
                diff[t] = Double.NaN;
            } else {
                sum[t] = a[t] + b[t];
                diff[t] = a[t] - b[t];
                both++;
            }
        }
        if (both < MIN_PAIRS) {
            return 0;
        }
        double plus = RobustScale.sigma(sum, RobustScale.median(sum), 1e-12);
        double minus = RobustScale.sigma(diff, RobustScale.median(diff), 1e-12);
        double p2 = plus * plus;
        double m2 = minus * minus;
        return (p2 - m2) / (p2 + m2);
    }
}
