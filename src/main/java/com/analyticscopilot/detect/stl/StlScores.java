package com.analyticscopilot.detect.stl;

/**
 * The statistical view of one KPI series. Components are on the {@link #scale() working scale};
 * {@code expected} is back on the KPI's own units. Arrays are shared with the caller that built
 * them and must not be changed; {@code NaN} wherever there is no value or no judgement.
 *
 * @param scale     the scale the decomposition ran on
 * @param trend     STL trend, working scale
 * @param seasonal  STL seasonal, working scale
 * @param remainder STL remainder, working scale; {@code NaN} where the input is missing
 * @param expected  trend + seasonal, back on the KPI's units
 * @param z         robust z-score of the remainder, signed; {@code NaN} where not judged
 * @param sigma     the spread each remainder was divided by, working scale
 */
public record StlScores(KpiScale scale, double[] trend, double[] seasonal, double[] remainder,
                        double[] expected, double[] z, double[] sigma) {

    /** Scores for a series that could not be judged (too short, nothing observed). */
    public static StlScores unscored(int n, KpiScale scale) {
        double[] nan = new double[n];
        java.util.Arrays.fill(nan, Double.NaN);
        return new StlScores(scale, nan, nan, nan, nan, nan, nan);
    }

    /** Whether any step was judged. */
    public boolean judged() {
        for (double v : z) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
