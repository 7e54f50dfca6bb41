package com.analyticscopilot.app.service;

import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.report.AnomalyReport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the report part's {@link AnomalyReport}: one row per flagged point with its event's
 * diagnosis and top action, as the agent ranks them now (after the analyst's feedback).
 */
public final class AnomalyReportService implements ReportService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public void export(Analysis analysis, Map<String, List<Recommendation>> recommendations,
            Path file)
            throws IOException {
        boolean daily = analysis.dataset().step().isDaily();
        List<AnomalyReport.Row> rows = new ArrayList<>();
        for (AnomalyEvent event : analysis.events()) {
            List<Recommendation> recs = recommendations.getOrDefault(event.id(), List.of());
            String diagnosis = recs.isEmpty() ? "" : recs.get(0).diagnosis();
            String action = recs.isEmpty() ? "" : recs.get(0).topAction();
            for (AnomalyPoint p : event.points()) {
                rows.add(new AnomalyReport.Row(p.site(), (daily ? DAY : TIME).format(p.time()),
                        p.kpi(),
                        p.value(), p.expected(), p.stlScore(), p.lstmScore(), p.score(),
                                p.severity(),
                        diagnosis, action, event.id(), event.impact()));
            }
        }
        new AnomalyReport(rows).write(file);
    }
}
