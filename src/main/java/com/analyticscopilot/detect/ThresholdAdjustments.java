package com.analyticscopilot.detect;

/**
 * Local shifts of the detection threshold, learned from an analyst's "not an anomaly" feedback.
 * Detection adds the offset to the global threshold of a site and KPI.
 */
@FunctionalInterface
public interface ThresholdAdjustments {

    /** No adjustments anywhere. */
    ThresholdAdjustments NONE = (site, kpi) -> 0.0;

    /** The bounded offset, in score units, for one site and KPI; 0 when there is none. */
    double offset(String site, String kpi);
}
