package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.SiteSeries;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Sliding windows over scaled KPI series: the input is {@code window} consecutive steps of every
 * KPI plus the calendar features of each step, the target the next step of every KPI. Stored flat
 * as floats in DL4J's recurrent layout {@code [windows][features][time]}.
 *
 * <p>A window with a missing value in its input or target is skipped: the network never trains
 * on NaN, and nothing is imputed behind the user's back.
 */
final class Windows {

    /**
     * Scaled values are clipped to +/-10 robust spreads before they reach the network. A true
     * outlier (revenue collapsing to zero is -50 spreads on a log scale) would otherwise saturate
     * the LSTM's gates and dominate the squared loss; 10 is far beyond any normal day.
     */
    static final double CLIP = 10;

    final int window;
    final int featureCount;
    final int kpiCount;
    final float[] inputs;
    final float[] targets;
    final int[] site;
    final int[] targetStep;
    final boolean[] validation;

    private Windows(int window, int featureCount, int kpiCount, int n) {
        this.window = window;
        this.featureCount = featureCount;
        this.kpiCount = kpiCount;
        this.inputs = new float[n * featureCount * window];
        this.targets = new float[n * kpiCount];
        this.site = new int[n];
        this.targetStep = new int[n];
        this.validation = new boolean[n];
    }

    int size() {
        return site.length;
    }

    /** The first step of a site of {@code length} steps that belongs to its validation part. */
    static int trainEnd(int length, double validationFraction) {
        return length - (int) Math.round(length * validationFraction);
    }

    /**
     * The training and validation windows of several sites.
     *
     * @param scalers one per site, same order
     */
    static Windows forTraining(List<Kpi> kpis, Calendar calendar, List<SiteSeries> sites,
                               List<SiteScaler> scalers, int window, double validationFraction) {
        List<double[][]> scaled = new ArrayList<>();
        int total = 0;
        for (int s = 0; s < sites.size(); s++) {
            double[][] z = scaleAll(kpis, calendar, sites.get(s), scalers.get(s));
            scaled.add(z);
            total += Math.max(0, sites.get(s).length() - window);
        }

        Windows w = new Windows(window, kpis.size() + calendar.featureCount(), kpis.size(), total);
        int n = 0;
        for (int s = 0; s < sites.size(); s++) {
            double[][] z = scaled.get(s);
            int length = sites.get(s).length();
            int valStart = trainEnd(length, validationFraction);
            for (int t = window; t < length; t++) {
                if (!w.complete(z, t - window, t + 1)) {
                    continue;
                }
                w.put(n, z, t, true);
                w.site[n] = s;
                w.targetStep[n] = t;
                w.validation[n] = t >= valStart;
                n++;
            }
        }
        return w.truncate(n);
    }

    /**
     * The windows of one site for every step with a complete input, whether or not the step
     * itself was observed (a missing observation gets a forecast but no score).
     */
    static Windows forScoring(List<Kpi> kpis, Calendar calendar, SiteSeries series,
                              SiteScaler scaler, int window) {
        double[][] z = scaleAll(kpis, calendar, series, scaler);
        int length = series.length();
        Windows w = new Windows(window, kpis.size() + calendar.featureCount(), kpis.size(),
                Math.max(0, length - window));
        int n = 0;
        for (int t = window; t < length; t++) {
            if (!w.complete(z, t - window, t)) {
                continue;
            }
            w.put(n, z, t, false);
            w.targetStep[n] = t;
            n++;
        }
        return w.truncate(n);
    }

    /**
     * Scaled and clipped KPIs in rows {@code [0, kpiCount)}, calendar features after them,
     * indexed {@code [feature][t]}; NaN stays NaN.
     */
    static double[][] scaleAll(List<Kpi> kpis, Calendar calendar, SiteSeries series,
                               SiteScaler scaler) {
        int kCount = kpis.size();
        int length = series.length();
        double[][] z = new double[kCount + calendar.featureCount()][length];
        for (int k = 0; k < kCount; k++) {
            for (int t = 0; t < length; t++) {
                double v = scaler.scale(kpis.get(k), k, series.value(k, t));
                z[k][t] = Double.isNaN(v) ? v : Math.max(-CLIP, Math.min(CLIP, v));
            }
        }
        double[] cal = new double[calendar.featureCount()];
        for (int t = 0; t < length; t++) {
            calendar.features(series.time(t), cal);
            for (int c = 0; c < cal.length; c++) {
                z[kCount + c][t] = cal[c];
            }
        }
        return z;
    }

    /** True when every KPI is finite on steps {@code [from, to)}. */
    private boolean complete(double[][] z, int from, int to) {
        for (int k = 0; k < kpiCount; k++) {
            for (int t = from; t < to; t++) {
                if (Double.isNaN(z[k][t])) {
                    return false;
                }
            }
        }
        return true;
    }

    private void put(int n, double[][] z, int t, boolean withTarget) {
        int base = n * featureCount * window;
        for (int f = 0; f < featureCount; f++) {
            for (int i = 0; i < window; i++) {
                inputs[base + f * window + i] = (float) z[f][t - window + i];
            }
        }
        if (withTarget) {
            for (int k = 0; k < kpiCount; k++) {
                targets[n * kpiCount + k] = (float) z[k][t];
            }
        }
    }

    private Windows truncate(int n) {
        if (n == size()) {
            return this;
        }
        Windows w = new Windows(window, featureCount, kpiCount, n);
        System.arraycopy(inputs, 0, w.inputs, 0, n * featureCount * window);
        System.arraycopy(targets, 0, w.targets, 0, n * kpiCount);
        System.arraycopy(site, 0, w.site, 0, n);
        System.arraycopy(targetStep, 0, w.targetStep, 0, n);
        System.arraycopy(validation, 0, w.validation, 0, n);
        return w;
    }

    /** Indices of the validation windows ({@code true}) or the training windows. */
    int[] indices(boolean ofValidation) {
        int count = 0;
        for (boolean v : validation) {
            count += v == ofValidation ? 1 : 0;
        }
        int[] idx = new int[count];
        int j = 0;
        for (int i = 0; i < validation.length; i++) {
            if (validation[i] == ofValidation) {
                idx[j++] = i;
            }
        }
        return idx;
    }

    /** The inputs of windows {@code idx[from..to)} as a {@code [b, features, window]} array. */
    INDArray inputBatch(int[] idx, int from, int to) {
        int stride = featureCount * window;
        float[] buf = new float[(to - from) * stride];
        for (int i = from; i < to; i++) {
            System.arraycopy(inputs, idx[i] * stride, buf, (i - from) * stride, stride);
        }
        return Nd4j.create(buf, new long[] {to - from, featureCount, window}, 'c');
    }

    /** The targets of windows {@code idx[from..to)} as a {@code [b, kpis]} array. */
    INDArray targetBatch(int[] idx, int from, int to) {
        float[] buf = new float[(to - from) * kpiCount];
        for (int i = from; i < to; i++) {
            System.arraycopy(targets, idx[i] * kpiCount, buf, (i - from) * kpiCount, kpiCount);
        }
        return Nd4j.create(buf, new long[] {to - from, kpiCount}, 'c');
    }

    /** All windows' indices in order. */
    int[] all() {
        int[] idx = new int[size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
