package com.analyticscopilot.agent;

import com.analyticscopilot.detect.AnomalyEvent;

import java.util.List;

/** Turns anomaly events into recommendations. */
public interface Advisor {

    /** The recommendations for one event, best first; never empty (at worst "unexplained"). */
    List<Recommendation> recommend(AnomalyEvent event, List<AnomalyEvent> portfolio);
}
