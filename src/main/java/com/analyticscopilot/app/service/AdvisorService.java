package com.analyticscopilot.app.service;

import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.ThresholdAdjustments;

import java.util.List;
import java.util.Map;

/**
 * The agent and its feedback memory as the workbench uses them. Implementations do their
 * storage work on the calling thread, which is always a background task's.
 */
public interface AdvisorService extends AutoCloseable {

    /** The recommendations for one event, best first. */
    List<Recommendation> recommend(AnomalyEvent event, List<AnomalyEvent> portfolio);

    /** Stores the analyst's answer to one action, with their note. */
    FeedbackEntry record(AnomalyEvent event, Recommendation recommendation, RankedAction action,
                         Answer answer, String note);

    /** The feedback given on one site, newest first. */
    List<FeedbackEntry> history(String site);

    /** The feedback state of every event that has any, by event id. */
    Map<String, FeedbackState> states();

    /** The threshold offsets feedback has learned, for the next detection run. */
    ThresholdAdjustments adjustments();

    @Override
    void close();
}
