package com.analyticscopilot.app.service;

import java.util.Objects;

/**
 * The services the workbench runs on, built once at start and handed to view models through
 * their constructors. Tests build it from fakes or small real parts.
 *
 * @param datasets  reads KPI files
 * @param detection scores data sets
 * @param advisor   the agent and its feedback store
 * @param training  the neural forecaster's training
 * @param reports   the report export
 * @param samples   where the sample data is
 */
public record AppServices(DatasetService datasets, DetectionService detection,
        AdvisorService advisor,
                          TrainingService training, ReportService reports, SampleData samples) {

    public AppServices {
        Objects.requireNonNull(datasets, "datasets");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(advisor, "advisor");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(samples, "samples");
    }
}
