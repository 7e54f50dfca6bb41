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
        if (v.length <= SORT_BELOW) {
            Arrays.sort(v);
            int mid = v.length / 2;
            return v.length % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
        }
        // Pooled over a portfolio there are millions of values: select, do not sort.
        return medianInPlace(v, v.length);
    }

    /** Arrays up to this length are sorted; longer ones use selection. */
    private static final int SORT_BELOW = 1024;

    /**
     * The exact median of a[0..length) by selection (expected linear time), rearranging those
     * values: the same value as sorting gives, since selection and sorting agree on the k-th
     * smallest element. No {@code NaN} allowed.
     */
    static double medianInPlace(double[] a, int length) {
        int upper = length / 2;
        double high = select(a, length, upper);
        if (length % 2 == 1) {
            return high;
        }
        // After selecting the upper middle, everything left of it is no larger: the lower
        // middle is the largest of those.
        double low = a[0];
        for (int i = 1; i < upper; i++) {
            low = Math.max(low, a[i]);
        }
        return 0.5 * (low + high);
    }

    /**
     * Rearranges a[0..length) so that a[k] is the k-th smallest value, no larger value before it
     * and no smaller one after it (Hoare's selection, median-of-three pivots: sorted input, common
     * here, stays linear), and returns it.
     */
    static double select(double[] a, int length, int k) {
        int lo = 0;
        int hi = length - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            // Now a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] (if any) equal the pivot.
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
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
