package com.analyticscopilot.app.support;

import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.app.service.Analysis;
import com.analyticscopilot.app.service.ReportService;
import com.analyticscopilot.detect.AnomalyEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes one line per event: id, severity, diagnosis. */
public final class FakeReports implements ReportService {

    @Override
    public void export(Analysis analysis, Map<String, List<Recommendation>> recommendations,
            Path file)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of("event,severity,diagnosis"));
        for (AnomalyEvent e : analysis.events()) {
            List<Recommendation> recs = recommendations.getOrDefault(e.id(), List.of());
            lines.add(e.id() + "," + e.severity().label() + "," + (recs.isEmpty() ? "" : recs.get(0)
                    .diagnosis()));
        }
        Files.write(file, lines);
    }
}
