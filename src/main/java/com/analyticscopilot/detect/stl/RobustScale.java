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
     * The same consistency factor for the mean absolute deviation, the fall-back when more than
     * half of the values sit exactly on the median: E|X - mu| = sigma sqrt(2 / pi), and
     * sqrt(pi / 2) = 1.2533.
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
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : 0.5 * (v[mid - 1] + v[mid]);
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
     * A robust estimate of the standard deviation: 1.4826 MAD. When the MAD is 0 (more than half
     * of the values equal the median, as in a flat-lining or mostly-zero series) it falls back to
     * 1.2533 times the mean absolute deviation, and when that is 0 too (the values are constant)
     * to {@code floor}, so that a score never divides by zero.
     *
     * @param floor the smallest spread to return; positive
     */
    public static double sigma(double[] values, double center, double floor) {
        double mad = mad(values, center);
        if (mad > 0) {
            return Math.max(MAD_TO_SIGMA * mad, floor);
        }
        double sum = 0;
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += Math.abs(v - center);
                count++;
            }
        }
        double meanAd = count == 0 ? 0 : sum / count;
        return Math.max(MEAN_AD_TO_SIGMA * meanAd, floor);
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
