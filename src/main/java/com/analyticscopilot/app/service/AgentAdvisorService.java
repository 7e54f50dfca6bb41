package com.analyticscopilot.app.service;

import com.analyticscopilot.agent.Agent;
import com.analyticscopilot.agent.Click;
import com.analyticscopilot.agent.FeedbackStore;
import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.agent.Verdict;
import com.analyticscopilot.agent.playbook.Playbook;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.ThresholdAdjustments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent part's {@link Agent} over its SQLite {@link FeedbackStore}. Every method runs on a
 * background task's thread; they are synchronized because detection, the agent panel and the
 * history may ask at the same time.
 */
public final class AgentAdvisorService implements AdvisorService {

    private static final Logger LOG = LoggerFactory.getLogger(AgentAdvisorService.class);

    private final FeedbackStore store;
    private final Agent agent;

    private AgentAdvisorService(FeedbackStore store, Agent agent) {
        this.store = store;
        this.agent = agent;
    }

    /**
     * Opens the store at {@code database} (created when missing) with the user's playbook, or
     * the shipped one.
     */
    public static AgentAdvisorService open(Path database) {
        Playbook.Loaded playbook = Playbook.load();
        playbook.warnings().forEach(w -> LOG.warn("Playbook: {}", w));
        FeedbackStore store = FeedbackStore.open(database);
        return new AgentAdvisorService(store, new Agent(playbook.playbook(), store, null));
    }

    @Override
    public synchronized List<Recommendation> recommend(AnomalyEvent event,
            List<AnomalyEvent> portfolio) {
        return agent.recommend(event, portfolio);
    }

    @Override
    public synchronized FeedbackEntry record(AnomalyEvent event, Recommendation recommendation,
            RankedAction action,
                                             Answer answer, String note) {
        // The store keys feedback by stored recommendation; storing is idempotent per action.
        List<Long> ids = agent.record(event, List.of(recommendation));
        int index = -1;
        for (int i = 0; i < recommendation.actions().size(); i++) {
            if (recommendation.actions().get(i).id().equals(action.id())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("action " + action.id() + " is not part of rule "
                    + recommendation.ruleId() + "'s recommendation");
        }
        long id = ids.get(index);
        Click click = switch (answer) {
            case ACCEPT -> agent.accept(id, note);
            case REJECT -> agent.reject(id, note);
            case NOT_ANOMALY -> agent.notAnomaly(id, note);
        };
        click.notes().forEach(n -> LOG.info("Feedback on {}: {}", event.id(), n));
        agent.refresh();
        return entry(click.entry());
    }

    @Override
    public synchronized List<FeedbackEntry> history(String site) {
        List<FeedbackEntry> entries = new ArrayList<>();
        for (com.analyticscopilot.agent.FeedbackEntry e : store.feedback()) {
            if (e.site().equals(site)) {
                entries.add(entry(e));
            }
        }
        entries.sort((a, b) -> b.time().compareTo(a.time()));
        return entries;
    }

    @Override
    public synchronized Map<String, FeedbackState> states() {
        Map<String, FeedbackState> states = new HashMap<>();
        List<com.analyticscopilot.agent.FeedbackEntry> all = new ArrayList<>(store.feedback());
        all.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        for (com.analyticscopilot.agent.FeedbackEntry e : all) {
            // The latest answer on an event is its state.
            states.put(e.eventId(), answer(e.verdict()).state());
        }
        return states;
    }

    @Override
    public ThresholdAdjustments adjustments() {
        return agent;
    }

    @Override
    public synchronized void close() {
        store.close();
    }

    private static FeedbackEntry entry(com.analyticscopilot.agent.FeedbackEntry e) {
        return new FeedbackEntry(e.createdAt(), e.eventId(), e.site(), e.ruleId(), e.actionId(),
                answer(e.verdict()), e.note() == null ? "" : e.note());
    }

    private static Answer answer(Verdict verdict) {
        return switch (verdict) {
            case ACCEPT -> Answer.ACCEPT;
            case REJECT -> Answer.REJECT;
            case NOT_ANOMALY -> Answer.NOT_ANOMALY;
        };
    }
}
