package com.analyticscopilot.agent;

import com.analyticscopilot.agent.playbook.Playbook;
import com.analyticscopilot.agent.playbook.PlaybookAction;
import com.analyticscopilot.agent.playbook.PlaybookRule;
import com.analyticscopilot.agent.playbook.Rationale;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.KpiMove;
import com.analyticscopilot.detect.ThresholdAdjustments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The copilot: reads an anomaly event's signature with the {@link Playbook}, ranks each
 * matching rule's actions by what the analyst accepted and rejected before
 * ({@link FeedbackRanking}), stores the clicks in the {@link FeedbackStore}, and hands the
 * detector the per-site thresholds that "not an anomaly" clicks raised.
 *
 * <p>Without a store the agent still recommends, in the playbook's order, and learns nothing.
 */
public final class Agent implements Advisor, ThresholdAdjustments {

    private final Playbook playbook;
    private final FeedbackStore store;
    private final TimeStep step;
    private final ThresholdPolicy policy;
    private volatile Map<ThresholdKey, Double> offsets;

    /**
     * @param playbook the rules
     * @param store    the feedback memory, or {@code null} for none
     * @param step     the data's time step, for rationales ("3 days"); {@code null} to infer it
     * @param policy   how far "not an anomaly" moves a threshold
     */
    public Agent(Playbook playbook, FeedbackStore store, TimeStep step, ThresholdPolicy policy) {
        this.playbook = Objects.requireNonNull(playbook, "playbook");
        this.store = store;
        this.step = step;
        this.policy = Objects.requireNonNull(policy, "policy");
        refresh();
    }

    /** An agent with the default threshold policy. */
    public Agent(Playbook playbook, FeedbackStore store, TimeStep step) {
        this(playbook, store, step, ThresholdPolicy.DEFAULT);
    }

    public Playbook playbook() {
        return playbook;
    }

    /**
     * {@inheritDoc}
     *
     * <p>One recommendation per matching rule, in playbook order; when no rule matches and the
     * playbook has no fallback rule, a built-in "Unexplained". The portfolio is not needed:
     * whether the event is shared across sites is already part of its signature.
     */
    @Override
    public List<Recommendation> recommend(AnomalyEvent event, List<AnomalyEvent> portfolio) {
        List<Recommendation> recommendations = new ArrayList<>();
        for (PlaybookRule rule : playbook.matching(event)) {
            recommendations.add(recommend(event, rule));
        }
        if (recommendations.isEmpty()) {
            recommendations.add(new Recommendation(event.id(), "unexplained", "Unexplained",
                    "no playbook rule matches and the playbook has no fallback rule",
                    List.of(new RankedAction("inspect-raw", "Inspect the raw data around "
                            + event.start(), FeedbackRanking.prior(0, 1), ""))));
        }
        return recommendations;
    }

    /** Shorthand: the first recommendation for the event. */
    public Recommendation top(AnomalyEvent event) {
        return recommend(event, List.of()).get(0);
    }

    /**
     * Keeps every action of the recommendations in the store, so they can be accepted or
     * rejected by id (idempotent: the same event, rule and action keep their id).
     *
     * @return the store ids, in the order of the recommendations and their actions
     * @throws IllegalStateException when the agent has no store
     */
    public List<Long> record(AnomalyEvent event, List<Recommendation> recommendations) {
        FeedbackStore memory = requireStore();
        // A market-wide event has no site of its own: no single site's threshold is the lever
        // for it, so "not an anomaly" on it moves none.
        List<String> flagged = event.shared() ? List.of() : event.moves().stream()
                .filter(KpiMove::flagged).map(KpiMove::kpi).toList();
        List<Long> ids = new ArrayList<>();
        for (Recommendation rec : recommendations) {
            for (RankedAction action : rec.actions()) {
                ids.add(memory.saveRecommendation(event.id(), event.site(), rec.ruleId(),
                        rec.diagnosis(), action.id(), action.action(), flagged));
            }
        }
        return ids;
    }

    /** The analyst says the recommended action was right. */
    public Click accept(long recommendationId, String note) {
        return click(recommendationId, Verdict.ACCEPT, note);
    }

    /** The analyst says the recommended action was wrong. */
    public Click reject(long recommendationId, String note) {
        return click(recommendationId, Verdict.REJECT, note);
    }

    /**
     * The analyst says the event was no anomaly: its flagged KPIs on its site get a higher
     * threshold, one bounded step each, logged and undoable. A market-wide event changes no
     * threshold (the click is stored, with a note saying so).
     */
    public Click notAnomaly(long recommendationId, String note) {
        return click(recommendationId, Verdict.NOT_ANOMALY, note);
    }

    /** Undoes one threshold change; it stays in the log, marked undone. */
    public ThresholdChange undoThreshold(long changeId) {
        ThresholdChange undone = requireStore().undoThreshold(changeId);
        refresh();
        return undone;
    }

    /** The bounded threshold offset of a site and KPI, from "not an anomaly" clicks. */
    @Override
    public double offset(String site, String kpi) {
        return offsets.getOrDefault(new ThresholdKey(site, kpi), 0.0);
    }

    /** Rereads the threshold offsets, e.g. after another copy of the application changed them. */
    public void refresh() {
        offsets = store == null ? Map.of() : Map.copyOf(store.thresholdOffsets());
    }

    private Click click(long recommendationId, Verdict verdict, String note) {
        Click click = requireStore().addFeedback(recommendationId, verdict, note, policy);
        if (!click.changes().isEmpty()) {
            refresh();
        }
        return click;
    }

    private Recommendation recommend(AnomalyEvent event, PlaybookRule rule) {
        List<ActionTally> tallies = store == null ? List.of() : store.tallies(rule.id());
        List<PlaybookAction> actions = rule.actions();
        List<RankedAction> ranked = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            PlaybookAction action = actions.get(i);
            FeedbackRanking.Estimate estimate = FeedbackRanking.estimate(action.id(),
                    event.site(), i, actions.size(), tallies);
            ranked.add(new RankedAction(action.id(), Rationale.render(action.text(), event, step),
                    estimate.score(), estimate.reason()));
        }

        // Stable sort: equal scores keep the playbook's order.
        ranked.sort(Comparator.comparingDouble(RankedAction::score).reversed());
        String rationale = Rationale.render(rule.rationale(), event, step);
        return new Recommendation(event.id(), rule.id(), rule.diagnosis(), rationale, ranked);
    }

    private FeedbackStore requireStore() {
        if (store == null) {
            throw new IllegalStateException("this agent has no feedback store");
        }
        return store;
    }
}
