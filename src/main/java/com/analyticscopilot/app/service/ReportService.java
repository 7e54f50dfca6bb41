package com.analyticscopilot.app.service;

import com.analyticscopilot.agent.Recommendation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes the anomaly report. */
@FunctionalInterface
public interface ReportService {

    /**
     * Writes every event of {@code analysis} with its top recommendation to a CSV file.
     *
     * @param recommendations by event id
     */
    void export(Analysis analysis, Map<String, List<Recommendation>> recommendations, Path file)
            throws IOException;
}
