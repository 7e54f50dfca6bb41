package com.analyticscopilot.detect;

import java.time.LocalDateTime;

/**
 * One flagged observation of one KPI of one site.
 *
 * @param site      the site
 * @param kpi       the KPI's name
 * @param index     the step index in the site's series
 * @param time      the time of the step
 * @param value     what was observed
 * @param expected  what the detector expected (STL trend + seasonal, or the forecast)
 * @param stlScore  the statistical view's score; {@code NaN} when that view did not run
 * @param lstmScore the neural view's score; {@code NaN} when that view did not run
 * @param score     the score the flag was raised on (fused when both views ran)
 * @param severity  how urgent it is
 */
public record AnomalyPoint(String site, String kpi, int index, LocalDateTime time, double value,
                           double expected, double stlScore, double lstmScore, double score,
                           Severity severity) {

    /** Observed minus expected. */
    public double deviation() {
        return value - expected;
    }
}
