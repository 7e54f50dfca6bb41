package com.analyticscopilot.agent;

/**
 * How far "not an anomaly" feedback may move a site and KPI's detection threshold.
 *
 * @param step how much one click raises the threshold, in score units
 * @param cap  the most all clicks together may raise it
 */
public record ThresholdPolicy(double step, double cap) {

    /**
     * Half a score unit per click, at most two in total. Scores are in standard-normal units,
     * flagged from 4.5 by default: half a unit makes a site and KPI noticeably less touchy after
     * one click, and the cap (four clicks) keeps it from being silenced: a move of 6.5 units is
     * still flagged however often the analyst said "not an anomaly". The detector accepts up to
     * 3 units, so the cap stays inside what it honours.
     */
    public static final ThresholdPolicy DEFAULT = new ThresholdPolicy(0.5, 2.0);

    public ThresholdPolicy {
        if (!(step > 0) || !(cap >= step)) {
            throw new IllegalArgumentException("a threshold step must be positive and the cap at"
                    + " least one step; got step " + step + ", cap " + cap);
        }
    }
}
