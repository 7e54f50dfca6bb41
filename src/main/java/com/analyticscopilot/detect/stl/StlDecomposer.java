package com.analyticscopilot.detect.stl;

import java.util.Arrays;

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and Terpenning, 1990),
 * matching R's {@code stats::stl}. The loess passes are {@link FastStl}, the same algorithm as
 * R's Fortran arranged for speed (it replaced stl-decomp-4j 1.0.5, which it matches to 1e-8 and
 * beats about 4x per CPU-second, docs/benchmarks.md); this class adds what R does around
 * it: its defaults ({@link StlParameters}), the periodic post-step, and missing values.
 *
 * <p>R's robust fit takes the median of |remainder| with a partial sort that, for some
 * even-length series, does not return the true median (see the test fixtures' NOTE.md). This
 * class uses the exact median, as statsmodels does, so robust fits of such series differ from
 * R's slightly; every other case matches R to about 1e-10.
 *
 * <p>Stateless and thread-safe.
 */
public final class StlDecomposer {

    private StlDecomposer() {
    }

    /**
     * Decomposes one series.
     *
     * @param values        observations on a regular grid; {@code NaN} marks a missing one
     * @param parameters    the STL parameters, unset ones taking R's defaults
     * @param defaultPeriod the period to use when the parameters set none (from the time step)
     * @throws IllegalArgumentException when the series is too short or has too few observations
     */
    public static StlDecomposition decompose(double[] values, StlParameters parameters,
                                             int defaultPeriod) {
        return decompose(values, parameters.resolve(values.length, defaultPeriod));
    }

    /** Decomposes one series with every parameter fixed. */
    public static StlDecomposition decompose(double[] values, StlParameters.Resolved p) {
        int n = values.length;
        int np = p.period();

        // R refuses a series with fewer than two full cycles: the cycle-subseries smoother needs
        // at least two points per position.
        if (n < 2 * np) {
            throw new IllegalArgumentException("series of " + n + " observations is shorter than"
                    + " two periods (period " + np + ")");
        }

        // Missing values are filled by linear interpolation for the fit only: the Fortran cannot
        // skip points, and a straight line through a gap is the least-assuming guess.
        double[] filled = interpolateMissing(values);

        double[][] fit = new FastStl(n, p).fit(filled, p.inner(), p.outer());
        double[] seasonal = fit[0];
        double[] trend = fit[1];
        double[] weights = p.robust() ? fit[2] : filledWith(n, 1.0);

        // R's periodic post-step: every seasonal value becomes the mean of the seasonal values
        // at its cycle position, so the seasonal shape is exactly the same in every cycle.
        if (p.periodic()) {
            seasonal = cycleMeans(seasonal, np);
        }

        double[] remainder = new double[n];
        double[] observed = values.clone();
        for (int t = 0; t < n; t++) {
            remainder[t] = Double.isNaN(values[t]) ? Double.NaN
                    : values[t] - seasonal[t] - trend[t];
        }
        return new StlDecomposition(observed, seasonal, trend, remainder, weights, p);
    }

    /**
     * A copy with every missing value ({@code NaN}) replaced by the straight line between its
     * observed neighbours; leading and trailing gaps take the nearest observation.
     *
     * @throws IllegalArgumentException when nothing is observed
     */
    public static double[] interpolateMissing(double[] values) {
        int n = values.length;
        double[] out = values.clone();
        int previous = -1;
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(values[t])) {
                continue;
            }
            if (previous < 0) {
                Arrays.fill(out, 0, t, values[t]);
            } else if (t - previous > 1) {
                double slope = (values[t] - values[previous]) / (t - previous);
                for (int g = previous + 1; g < t; g++) {
                    out[g] = values[previous] + slope * (g - previous);
                }
            }
            previous = t;
        }
        if (previous < 0) {
            throw new IllegalArgumentException("the series has no observed value");
        }
        Arrays.fill(out, previous + 1, n, values[previous]);
        return out;
    }

    private static double[] cycleMeans(double[] seasonal, int period) {
        int n = seasonal.length;
        double[] sum = new double[period];
        int[] count = new int[period];
        for (int t = 0; t < n; t++) {
            sum[t % period] += seasonal[t];
            count[t % period]++;
        }
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = sum[t % period] / count[t % period];
        }
        return out;
    }

    private static double[] filledWith(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
