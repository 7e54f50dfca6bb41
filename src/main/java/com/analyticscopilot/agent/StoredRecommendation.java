package com.analyticscopilot.agent;

import java.time.Instant;
import java.util.List;

/**
 * One recommended action as shown to the analyst and kept in the store, so a click (in the
 * workbench or on the command line, by its id) can refer to it later.
 *
 * @param id         the id to accept or reject it by
 * @param eventId    the anomaly event ({@code site/start})
 * @param site       the event's site
 * @param ruleId     the playbook rule that produced it
 * @param diagnosis  the rule's diagnosis
 * @param actionId   the action's id within the rule
 * @param actionText the action as shown
 * @param kpis       the KPIs flagged in the event; "not an anomaly" raises their thresholds
 * @param createdAt  when it was first shown
 */
public record StoredRecommendation(long id, String eventId, String site, String ruleId,
                                   String diagnosis, String actionId, String actionText,
                                   List<String> kpis, Instant createdAt) {

    public StoredRecommendation {
        kpis = List.copyOf(kpis);
    }
}
