package com.analyticscopilot.detect.stl;

/**
 * The result of one STL fit: {@code value = seasonal + trend + remainder} at every observed step.
 * Where the input was missing, {@code value} and {@code remainder} are {@code NaN} while the
 * seasonal and trend components carry the fit through the gap. Arrays are handed out as copies.
 */
public final class StlDecomposition {

    private final double[] value;
    private final double[] seasonal;
    private final double[] trend;
    private final double[] remainder;
    private final double[] weights;
    private final StlParameters.Resolved parameters;

    StlDecomposition(double[] value, double[] seasonal, double[] trend, double[] remainder,
                     double[] weights, StlParameters.Resolved parameters) {
        this.value = value;
        this.seasonal = seasonal;
        this.trend = trend;
        this.remainder = remainder;
        this.weights = weights;
        this.parameters = parameters;
    }

    public int length() {
        return value.length;
    }

    public double[] value() {
        return value.clone();
    }

    public double[] seasonal() {
        return seasonal.clone();
    }

    public double[] trend() {
        return trend.clone();
    }

    public double[] remainder() {
        return remainder.clone();
    }

    /** The robustness weights of the last pass (all 1 for a non-robust fit). */
    public double[] weights() {
        return weights.clone();
    }

    /** Trend plus seasonal: what the decomposition expected at step {@code t}. */
    public double fitted(int t) {
        return trend[t] + seasonal[t];
    }

    public StlParameters.Resolved parameters() {
        return parameters;
    }
}
