package com.analyticscopilot.app.service;

import java.time.Instant;

/**
 * One piece of the analyst's feedback, as the history list shows it.
 *
 * @param time     when it was given
 * @param eventId  the anomaly event ({@code site/start})
 * @param site     the site
 * @param ruleId   the playbook rule whose advice it answers
 * @param actionId the action accepted or rejected
 * @param answer   accept, reject or not an anomaly
 * @param note     the analyst's note; may be empty
 */
public record FeedbackEntry(Instant time, String eventId, String site, String ruleId,
        String actionId,
                            Answer answer, String note) {
}
