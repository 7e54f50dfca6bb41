package com.analyticscopilot.detect;

/**
 * Severity from how sure we are (the fused score against its threshold) and how much it matters
 * (the size of the deviation relative to what was expected).
 *
 * <ul>
 *   <li>By score: below 1.5 x the threshold low, below 2 x medium, below 3 x high, else
 *       critical. The steps are on the score's scale, where each unit is a standard deviation
 *       of normal noise, so 2 x a threshold of 4.5 is already a one-in-10^20 event.</li>
 *   <li>By size: a deviation under 5 % of the expected value is capped at medium, because a
 *       statistically clear but tiny move (a huge, very regular site) rarely needs someone
 *       today; a deviation of 50 % or more is at least high, because half a KPI gone or doubled
 *       needs someone whatever the noise.</li>
 * </ul>
 */
public final class SeverityRule {

    static final double SMALL_MOVE = 0.05;
    static final double LARGE_MOVE = 0.5;

    private SeverityRule() {
    }

    /**
     * @param score     the absolute calibrated score
     * @param threshold the threshold it was flagged against
     * @param relative  (observed - expected) / |expected|; {@code NaN} when unknown
     */
    public static Severity of(double score, double threshold, double relative) {
        double ratio = Math.abs(score) / threshold;
        Severity s;
        if (ratio < 1.5) {
            s = Severity.LOW;
        } else if (ratio < 2) {
            s = Severity.MEDIUM;
        } else if (ratio < 3) {
            s = Severity.HIGH;
        } else {
            s = Severity.CRITICAL;
        }
        double size = Math.abs(relative);
        if (!Double.isNaN(size) && size < SMALL_MOVE && s.compareTo(Severity.MEDIUM) > 0) {
            s = Severity.MEDIUM;
        }
        if (!Double.isNaN(size) && size >= LARGE_MOVE && s.compareTo(Severity.HIGH) < 0) {
            s = Severity.HIGH;
        }
        return s;
    }

    /** (observed - expected) / |expected|, {@code NaN} when the expected value is 0 or unknown. */
    public static double relativeChange(double observed, double expected) {
        if (Double.isNaN(observed) || Double.isNaN(expected) || expected == 0) {
            return Double.NaN;
        }
        return (observed - expected) / Math.abs(expected);
    }
}
