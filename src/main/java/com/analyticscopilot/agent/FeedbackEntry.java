package com.analyticscopilot.agent;

import java.time.Instant;

/**
 * One stored click.
 *
 * @param id             the entry's id in the store
 * @param eventId        the anomaly event it was about ({@code site/start})
 * @param site           the event's site
 * @param ruleId         the playbook rule that produced the recommendation
 * @param actionId       the action within the rule
 * @param verdict        what the analyst said
 * @param note           the analyst's note, or {@code null}
 * @param createdAt      when it was stored
 * @param productVersion the version of Analytics Copilot that stored it
 */
public record FeedbackEntry(long id, String eventId, String site, String ruleId, String actionId,
                            Verdict verdict, String note, Instant createdAt, String productVersion) {
}
