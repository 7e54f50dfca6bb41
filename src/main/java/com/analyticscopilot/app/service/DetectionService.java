package com.analyticscopilot.app.service;

import com.analyticscopilot.app.task.TaskProgress;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.forecast.ResidualScorer;

/** Scores a data set and groups its anomalies; the workbench's view of the detector. */
public interface DetectionService {

    /**
     * Runs detection.
     *
     * @param dataset     the data
     * @param sensitivity in [0, 1]; higher flags more
     * @param scorer      a trained forecaster for the neural view, or {@code null} for STL only
     * @param adjustments per site and KPI threshold offsets learned from feedback
     * @param progress    for progress and cancel; checked between sites
     */
    Analysis analyse(Dataset dataset, double sensitivity, ResidualScorer scorer,
                     ThresholdAdjustments adjustments, TaskProgress progress);
}
