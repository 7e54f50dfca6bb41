package com.analyticscopilot.app.service;

import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.app.task.TaskProgress;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.forecast.ResidualScorer;
import com.analyticscopilot.forecast.TrainingListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Stands in for a part of the product this build does not have: every use fails with a message
 * that says which part is missing; the agent part answers with no advice and no feedback.
 */
final class Unavailable implements DatasetService, DetectionService, AdvisorService,
        TrainingService,
        ReportService {

    private static UnsupportedOperationException missing(String part) {
        return new UnsupportedOperationException("this build has no " + part);
    }

    @Override
    public LoadedData load(Path file) {
        throw missing("CSV reader (data part)");
    }

    @Override
    public Analysis analyse(Dataset dataset, double sensitivity, ResidualScorer scorer,
                            ThresholdAdjustments adjustments, TaskProgress progress) {
        throw missing("detector (detect part)");
    }

    @Override
    public List<Recommendation> recommend(AnomalyEvent event, List<AnomalyEvent> portfolio) {
        return List.of();
    }

    @Override
    public FeedbackEntry record(AnomalyEvent event, Recommendation recommendation,
            RankedAction action,
                                Answer answer, String note) {
        throw missing("feedback store (agent part)");
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
        // Nothing open.
    }

    @Override
    public ResidualScorer pretrain(Dataset dataset, TrainingListener listener,
            BooleanSupplier cancel) {
        throw missing("LSTM trainer (forecast part)");
    }

    @Override
    public ResidualScorer fineTune(ResidualScorer base, Dataset dataset, String site,
            TrainingListener listener,
                                   BooleanSupplier cancel) {
        throw missing("LSTM trainer (forecast part)");
    }

    @Override
    public Optional<ResidualScorer> loadBaseModel() {
        return Optional.empty();
    }

    @Override
    public void export(Analysis analysis, Map<String, List<Recommendation>> recommendations,
            Path file) {
        throw missing("report writer (report part)");
    }
}
