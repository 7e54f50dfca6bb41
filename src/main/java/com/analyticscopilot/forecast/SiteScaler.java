package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;

import java.util.Arrays;
import java.util.List;

/**
 * Puts one site's KPIs on a common scale for the network, and back.
 *
 * <p>Counts and money are taken as {@code log1p}: they move multiplicatively (a Saturday is
 * "15 % fewer sessions" on a small and on a large site alike) and are right-skewed; {@code log1p}
 * keeps a zero finite. Ratios and plain values stay as they are. Each transformed series is then
 * centred on its median and divided by 1.4826 x its MAD (the normal-consistent robust spread),
 * both taken over the site's training part only, so the validation part does not leak into the
 * scale and an anomaly in the training part does not inflate it the way it would a standard
 * deviation. When the MAD is zero (a flat series) the spread falls back to the IQR / 1.349,
 * then to 1.
 *
 * @param center per KPI, the median of the transformed training values
 * @param scale  per KPI, the robust spread of the transformed training values; positive
 */
record SiteScaler(double[] center, double[] scale) {

    /** 1.4826 makes the MAD estimate a normal distribution's standard deviation. */
    static final double MAD_TO_SIGMA = 1.4826;

    /** 1.349 is the IQR of a standard normal distribution. */
    static final double IQR_TO_SIGMA = 1.349;

    /** Spreads below this are treated as zero (a constant series). */
    static final double TINY_SPREAD = 1e-9;

    static boolean logScale(Kpi kpi) {
        return kpi.role() == KpiRole.COUNT || kpi.role() == KpiRole.MONEY;
    }

    /** The value on the transformed (not yet centred) scale. */
    static double transform(Kpi kpi, double x) {
        return logScale(kpi) ? Math.log1p(Math.max(0, x)) : x;
    }

    static double untransform(Kpi kpi, double y) {
        return logScale(kpi) ? Math.expm1(y) : y;
    }

    /**
     * Fits a scaler on {@code values[k][0..trainEnd)}, ignoring NaN. Returns null when a KPI has
     * fewer than {@code minValues} finite values there.
     */
    static SiteScaler fit(List<Kpi> kpis, double[][] values, int trainEnd, int minValues) {
        int kCount = kpis.size();
        double[] center = new double[kCount];
        double[] scale = new double[kCount];
        for (int k = 0; k < kCount; k++) {
            double[] y = new double[trainEnd];
            int n = 0;
            for (int t = 0; t < trainEnd; t++) {
                double v = values[k][t];
                if (!Double.isNaN(v)) {
                    y[n++] = transform(kpis.get(k), v);
                }
            }
            if (n < Math.max(1, minValues)) {
                return null;
            }
            y = Arrays.copyOf(y, n);
            center[k] = median(y);
            scale[k] = robustSpread(y, center[k]);
        }
        return new SiteScaler(center, scale);
    }

    /** 1.4826 x MAD around {@code center}, else IQR / 1.349, else 1. */
    static double robustSpread(double[] y, double center) {
        double[] dev = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            dev[i] = Math.abs(y[i] - center);
        }
        double mad = MAD_TO_SIGMA * median(dev);
        if (mad > TINY_SPREAD) {
            return mad;
        }
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double iqr = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / IQR_TO_SIGMA;
        return iqr > TINY_SPREAD ? iqr : 1.0;
    }

    double scale(Kpi kpi, int k, double x) {
        return (transform(kpi, x) - center[k]) / scale[k];
    }

    double unscale(Kpi kpi, int k, double z) {
        return untransform(kpi, z * scale[k] + center[k]);
    }

    /** The KPI-wise median of several scalers: the fallback for a site the model never saw. */
    static SiteScaler pooled(List<SiteScaler> scalers, int kpiCount) {
        double[] center = new double[kpiCount];
        double[] scale = new double[kpiCount];
        for (int k = 0; k < kpiCount; k++) {
            double[] c = new double[scalers.size()];
            double[] s = new double[scalers.size()];
            for (int i = 0; i < scalers.size(); i++) {
                c[i] = scalers.get(i).center[k];
                s[i] = scalers.get(i).scale[k];
            }
            center[k] = median(c);
            scale[k] = median(s);
        }
        return new SiteScaler(center, scale);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
