package com.analyticscopilot.app.service;

import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.ThresholdAdjustments;

import java.util.List;
import java.util.Map;

/**
 * Stands in for the agent when its feedback store could not be opened: detection still works,
 * anomalies come without advice, and storing feedback fails with the reason, which the user
 * was shown at start.
 */
final class Unavailable implements AdvisorService {

    private final String reason;

    /** @param reason why the agent is not available, for the failure message */
    Unavailable(String reason) {
        this.reason = reason;
    }

    @Override
    public List<Recommendation> recommend(AnomalyEvent event, List<AnomalyEvent> portfolio) {
        return List.of();
    }

    @Override
    public FeedbackEntry record(AnomalyEvent event, Recommendation recommendation,
                                RankedAction action, Answer answer, String note) {
        throw new IllegalStateException("feedback cannot be stored: " + reason);
    }

    @Override
    public List<FeedbackEntry> history(String site) {
        return List.of();
    }

    @Override
    public Map<String, FeedbackState> states() {
        return Map.of();
    }

    @Override
    public ThresholdAdjustments adjustments() {
        return ThresholdAdjustments.NONE;
    }

    @Override
    public void close() {
        // Nothing is open.
    }
}
