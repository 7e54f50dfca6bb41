package com.analyticscopilot.agent.playbook;

import com.analyticscopilot.detect.AnomalyEvent;

import java.util.List;

/**
 * One block of the playbook: when an anomaly's signature meets every condition, the rule's
 * diagnosis applies and its actions are recommended, in the written order unless feedback says
 * otherwise. A rule without conditions is a fallback: it applies only when no other rule does.
 *
 * @param id         short identifier, unique in the playbook; feedback refers to it
 * @param diagnosis  what probably happened, e.g. "Checkout or funnel failure"
 * @param conditions every one must hold
 * @param rationale  the template of the one-sentence reason, see {@link Rationale}
 * @param actions    what to do, best first as the playbook's author sees it; at least one
 * @param line       the line of the rule's header in its file, for messages
 */
public record PlaybookRule(String id, String diagnosis, List<Condition> conditions,
                           String rationale, List<PlaybookAction> actions, int line) {

    public PlaybookRule {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    /** True for a rule without conditions. */
    public boolean isFallback() {
        return conditions.isEmpty();
    }

    /** Whether every condition holds for the event (a fallback always matches). */
    public boolean matches(AnomalyEvent event) {
        return conditions.stream().allMatch(c -> c.matches(event));
    }
}
