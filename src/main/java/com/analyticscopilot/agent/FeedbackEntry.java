package com.analyticscopilot.agent;

import java.time.Instant;

/**
 * One stored click.
 *
 * @param id               the entry's id in the store
 * @param recommendationId the {@link StoredRecommendation} clicked, or 0 for clicks stored
 *                         before recommendations were kept (schema version 1)
 * @param eventId          the anomaly event it was about ({@code site/start})
 * @param site             the event's site
 * @param ruleId           the playbook rule that produced the recommendation
 * @param actionId         the action within the rule
 * @param verdict          what the analyst said
 * @param note             the analyst's note, or {@code null}
 * @param createdAt        when it was stored
 * @param productVersion   the version of Analytics Copilot that stored it
 */
public record FeedbackEntry(long id, long recommendationId, String eventId, String site,
                            String ruleId, String actionId, Verdict verdict, String note,
                            Instant createdAt, String productVersion) {
}
