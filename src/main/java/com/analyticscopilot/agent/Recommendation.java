package com.analyticscopilot.agent;

import java.util.List;

/**
 * What the agent says about one anomaly event: a diagnosis and ranked actions.
 *
 * @param eventId   the {@link com.analyticscopilot.detect.AnomalyEvent#id() event} it is about
 * @param ruleId    the playbook rule that matched
 * @param diagnosis a short name, such as "Checkout or funnel failure"
 * @param rationale why the rule matched, in a sentence
 * @param actions   the actions, best first
 */
public record Recommendation(String eventId, String ruleId, String diagnosis, String rationale,
                             List<RankedAction> actions) {

    public Recommendation {
        actions = List.copyOf(actions);
    }

    /** The top action's text, or an empty string. */
    public String topAction() {
        return actions.isEmpty() ? "" : actions.get(0).action();
    }
}
