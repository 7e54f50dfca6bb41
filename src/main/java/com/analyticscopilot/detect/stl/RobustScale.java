package com.analyticscopilot.detect.stl;

import java.util.Arrays;

/**
 * Robust location and spread: the median and the median absolute deviation (MAD). Unlike the
 * mean and standard deviation, neither moves much when a few values are anomalies, which is the
 * point: the scale anomalies are measured on must not be inflated by the anomalies themselves.
 * Missing values ({@code NaN}) are skipped.
 */
public final class RobustScale {

    /**
     * Makes the MAD a consistent estimate of a normal distribution's standard deviation:
     * for a normal variable, MAD = sigma * Phi^-1(3/4) = 0.6745 sigma, and 1 / 0.6745 = 1.4826.
     */
    public static final double MAD_TO_SIGMA = 1.4826;

    /**
     * The same consistency factor for the mean absolute deviation, the guard of
     * {@link #sigma}: E|X - mu| = sigma sqrt(2 / pi), and sqrt(pi / 2) = 1.2533.
     */
    public static final double MEAN_AD_TO_SIGMA = 1.2533;

    private RobustScale() {
    }

    /** The median of the non-missing values; {@code NaN} when there are none. */
    public static double median(double[] values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        if (v.length <= SORT_BELOW) {
            Arrays.sort(v);
            return v.length % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
        }
        // Pooled over a portfolio there are millions of values: select, do not sort. The
        // k-th smallest is unique, so the result is the same as sorting's.
        double upper = select(v, mid);
        if (v.length % 2 == 1) {
            return upper;
        }
        // After selecting, everything left of mid is at most v[mid]: the lower middle value
        // is their maximum.
        double lower = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mid; i++) {
            lower = Math.max(lower, v[i]);
        }
        return 0.5 * (lower + upper);
    }

    /** Arrays up to this length are sorted; longer ones use selection. */
    private static final int SORT_BELOW = 1024;

    /**
     * Rearranges v so that v[k] is its k-th smallest value, everything before it no larger
     * and everything after no smaller (Hoare's selection with a median-of-three pivot), and
     * returns v[k].
     */
    static double select(double[] v, int k) {
        int lo = 0;
        int hi = v.length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // Median of three as the pivot: sorted input (common here) stays linear.
            if (v[mid] < v[lo]) {
                swap(v, mid, lo);
            }
            if (v[hi] < v[lo]) {
                swap(v, hi, lo);
            }
            if (v[hi] < v[mid]) {
                swap(v, hi, mid);
            }
            double pivot = v[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(v, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    private static void swap(double[] v, int a, int b) {
        double x = v[a];
        v[a] = v[b];
        v[b] = x;
    }

    /** The median absolute deviation from {@code center}, unscaled. */
    public static double mad(double[] values, double center) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - center);
        }
        return median(dev);
    }

    /**
     * A robust estimate of the standard deviation: 1.4826 MAD, guarded against a collapsed MAD.
     * When more than half of the values sit on (or very near) the median, as in a flat-lining or
     * mostly-zero series, the MAD is 0 or tiny and every other value would look like an
     * extreme outlier. The guard is the mean absolute deviation, scaled by 1.2533 to estimate
     * the same sigma: on normal data the two estimates agree, and anomalies inflate the mean
     * absolute deviation only mildly (5 % of points at 10 sigma make it 1.4 sigma), so the
     * MAD-based value is used unless it is less than half of the mean-based one; then the bulk
     * of the values is degenerate and half the mean-based value is used instead. {@code floor}
     * applies last, so a constant series does not divide by zero.
     *
     * @param floor the smallest spread to return; positive
     */
    public static double sigma(double[] values, double center, double floor) {
        double madSigma = MAD_TO_SIGMA * mad(values, center);
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += Math.abs(v - center);
                count++;
            }
        }
        double meanSigma = count == 0 ? 0 : MEAN_AD_TO_SIGMA * sum / count;
        return Math.max(Math.max(madSigma, 0.5 * meanSigma), floor);
    }

    private static double[] finite(double[] values) {
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        double[] out = new double[count];
        int i = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[i++] = v;
            }
        }
        return out;
    }
}
