package com.analyticscopilot.detect;

import com.analyticscopilot.data.KpiRole;

/**
 * How one KPI moved during an anomaly event: the part of an event's signature the agent's
 * playbook matches on.
 *
 * @param kpi            the KPI's name
 * @param role           its role
 * @param direction      +1 when it went above what was expected, -1 below
 * @param relativeChange (observed - expected) / |expected| at the event's peak, e.g. -0.6 for a
 *                       fall to 40 %
 * @param peakScore      the largest absolute score of the KPI in the event
 * @param flagged        whether the KPI itself crossed the threshold (a KPI can be part of the
 *                       signature, as "steady", without being flagged)
 */
public record KpiMove(String kpi, KpiRole role, int direction, double relativeChange, double peakScore,
                      boolean flagged) {
}
