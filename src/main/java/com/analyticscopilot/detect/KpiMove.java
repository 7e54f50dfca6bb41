package com.analyticscopilot.detect;

import com.analyticscopilot.data.KpiRole;

/**
 * How one KPI moved during an anomaly event: the part of an event's signature the agent's
 * playbook matches on.
 *
 * @param kpi             the KPI's name
 * @param role            its role
 * @param direction       +1 when it went above what was expected, -1 below
 * @param relativeChange  (observed - expected) / |expected| at the event's peak, e.g. -0.6 for a
 *                        fall to 40 %
 * @param peakScore       the largest absolute score of the KPI in the event
 * @param flagged         whether the KPI itself crossed the threshold (a KPI can be part of the
 *                        signature, as "steady", without being flagged)
 * @param sustainedChange how the KPI's level after the event compares with its level before:
 *                        the relative change of the median of the deseasonalised series over the
 *                        steps after the event versus the steps before it (-0.3: the level
 *                        stayed 30 % lower). {@code NaN} when too few steps are known on either
 *                        side, or for a shared event. See {@code EventBuilder} for the windows.
 * @param sustainedZ      that level change divided by its standard error estimated from the
 *                        noise before the event: how many standard errors the new level is away
 *                        from the old one; {@code NaN} with {@code sustainedChange}
 */
public record KpiMove(String kpi, KpiRole role, int direction, double relativeChange, double peakScore,
                      boolean flagged, double sustainedChange, double sustainedZ) {

    /**
     * The least |{@link #sustainedZ()}| for a level change to count as sustained. The z compares
     * two medians as if their steps were independent; neighbouring days of a deseasonalised KPI
     * are correlated (the trend wanders), which roughly halves the effective number of steps and
     * inflates z by about 1.4. A bar of 4 is still about 2.8 standard errors after that
     * correction: a chance level change that large is rare (under 1 in 100 events).
     */
    public static final double SUSTAINED_Z = 4.0;

    /** A move without knowledge of the level after the event (sustained change unknown). */
    public KpiMove(String kpi, KpiRole role, int direction, double relativeChange,
                   double peakScore, boolean flagged) {
        this(kpi, role, direction, relativeChange, peakScore, flagged, Double.NaN, Double.NaN);
    }

    /**
     * Whether the level after the event differs from the level before it by more than its noise
     * explains ({@code |sustainedZ| >= SUSTAINED_Z}); false when unknown.
     */
    public boolean sustained() {
        return !Double.isNaN(sustainedZ) && Math.abs(sustainedZ) >= SUSTAINED_Z;
    }
}
