package com.analyticscopilot.app.support;

import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.app.service.AdvisorService;
import com.analyticscopilot.app.service.Answer;
import com.analyticscopilot.app.service.FeedbackEntry;
import com.analyticscopilot.app.service.FeedbackState;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.KpiMove;
import com.analyticscopilot.detect.ThresholdAdjustments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An advisor with two rules and feedback in memory, for view model tests: a rejected action
 * drops below the others, which is what the panel must show.
 */
public final class MemoryAdvisor implements AdvisorService {

    public final List<FeedbackEntry> entries = new ArrayList<>();

    @Override
    public synchronized List<Recommendation> recommend(AnomalyEvent event,
            List<AnomalyEvent> portfolio) {
        boolean revenue = event.moves().stream().anyMatch(m -> m.flagged() && m.kpi().equals(
                "revenue"));
        String rule = revenue ? "checkout-failure" : "traffic-spike";
        String diagnosis = revenue ? "Checkout or funnel failure" : "Traffic spike";
        List<RankedAction> actions = new ArrayList<>();
        String[] ids = revenue ? new String[]{"check-payments", "check-release"}
                : new String[]{"check-bots", "check-campaigns"};
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            long rejected = entries.stream().filter(e -> e.actionId().equals(id)
                    && e.answer() == Answer.REJECT).count();
            double score = 1.0 - 0.1 * i - 0.5 * rejected;
            actions.add(new RankedAction(id, "Do " + id.replace('-', ' '), score,
                    rejected == 0 ? "" : "rejected " + rejected + " time(s)"));
        }
        actions.sort((a, b) -> Double.compare(b.score(), a.score()));
        long flagged = event.moves().stream().filter(KpiMove::flagged).count();
        return List.of(new Recommendation(event.id(), rule, diagnosis, flagged + " KPI(s) moved",
                actions));
    }

    @Override
    public synchronized FeedbackEntry record(AnomalyEvent event, Recommendation recommendation,
            RankedAction action,
                                             Answer answer, String note) {
        FeedbackEntry entry = new FeedbackEntry(Instant.now(), event.id(), event.site(),
                recommendation.ruleId(),
                action.id(), answer, note);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<FeedbackEntry> history(String site) {
        List<FeedbackEntry> mine = new ArrayList<>(entries.stream().filter(e -> e.site().equals(
                site)).toList());
        java.util.Collections.reverse(mine);
        return mine;
    }

    @Override
    public synchronized Map<String, FeedbackState> states() {
        Map<String, FeedbackState> states = new HashMap<>();
        for (FeedbackEntry e : entries) {
            states.put(e.eventId(), e.answer().state());
        }
        return states;
    }

    @Override
    public ThresholdAdjustments adjustments() {
        return ThresholdAdjustments.NONE;
    }

    @Override
    public void close() {
    }
}
