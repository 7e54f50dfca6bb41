package com.analyticscopilot.detect;

import com.analyticscopilot.data.Dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one detection run found: per site and KPI the components and scores
 * ({@link SeriesScores}), the flagged points and the anomaly events, plus how it was produced
 * (method actually used, settings, notes such as a fall-back to STL). Immutable.
 */
public final class DetectionResult {

    private final Dataset dataset;
    private final DetectionSettings settings;
    private final DetectionMethod method;
    private final List<String> notes;
    private final Map<String, List<SeriesScores>> series;
    private final List<AnomalyEvent> events;

    DetectionResult(Dataset dataset, DetectionSettings settings, DetectionMethod method,
                    List<String> notes, Map<String, List<SeriesScores>> series,
                    List<AnomalyEvent> events) {
        this.dataset = dataset;
        this.settings = settings;
        this.method = method;
        this.notes = List.copyOf(notes);
        this.series = Map.copyOf(series);
        this.events = List.copyOf(events);
    }

    public Dataset dataset() {
        return dataset;
    }

    public DetectionSettings settings() {
        return settings;
    }

    /** The method that actually ran (STL when a neural one was asked for without a model). */
    public DetectionMethod method() {
        return method;
    }

    /** What a user should know about the run, such as "no neural model: STL only". */
    public List<String> notes() {
        return notes;
    }

    /** The scores of one site's KPI. */
    public Optional<SeriesScores> series(String site, String kpi) {
        List<SeriesScores> bySite = series.get(site);
        int k = dataset.kpiIndex(kpi);
        if (bySite == null || k < 0) {
            return Optional.empty();
        }
        return Optional.of(bySite.get(k));
    }

    /** Every site's KPI scores, sites in the data set's order, KPIs in its KPI order. */
    public List<SeriesScores> allSeries() {
        List<SeriesScores> all = new ArrayList<>();
        for (String site : dataset.siteIds()) {
            all.addAll(series.get(site));
        }
        return all;
    }

    /** The events, most severe first, then by start. */
    public List<AnomalyEvent> events() {
        return events;
    }

    /** Every flagged point of every event. */
    public List<AnomalyPoint> points() {
        List<AnomalyPoint> points = new ArrayList<>();
        for (AnomalyEvent e : events) {
            points.addAll(e.points());
        }
        points.sort(Comparator.comparing(AnomalyPoint::site).thenComparing(AnomalyPoint::time)
                .thenComparing(AnomalyPoint::kpi));
        return points;
    }

    /** The event a flagged point belongs to. */
    public Optional<AnomalyEvent> eventOf(AnomalyPoint point) {
        for (AnomalyEvent e : events) {
            if (e.points().contains(point)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
