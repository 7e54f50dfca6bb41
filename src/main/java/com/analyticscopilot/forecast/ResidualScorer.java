package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.SiteSeries;

/** A trained forecaster as the detectors see it: no DL4J types cross this line. */
public interface ResidualScorer {

    /** Forecasts every step of {@code site} that has a full window before it, and scores them. */
    NeuralScores score(Dataset dataset, SiteSeries site);
}
