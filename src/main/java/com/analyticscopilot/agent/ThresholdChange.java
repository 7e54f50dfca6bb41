package com.analyticscopilot.agent;

import java.time.Instant;

/**
 * One entry of the threshold log: a site and KPI made less sensitive after "not an anomaly".
 *
 * @param id         the entry's id, to undo it by
 * @param site       the site
 * @param kpi        the KPI's name
 * @param delta      how much the threshold rose, in score units (at most one step; less when
 *                   the step would pass the cap)
 * @param offset     the site and KPI's total offset right after this change
 * @param feedbackId the click that caused it
 * @param reason     why, in words
 * @param createdAt  when it was made
 * @param undoneAt   when it was undone, or {@code null} while it holds
 */
public record ThresholdChange(long id, String site, String kpi, double delta, double offset,
                              long feedbackId, String reason, Instant createdAt, Instant undoneAt) {

    /** True while the change is in force. */
    public boolean active() {
        return undoneAt == null;
    }
}
