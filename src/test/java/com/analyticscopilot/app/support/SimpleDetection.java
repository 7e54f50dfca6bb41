package com.analyticscopilot.app.support;

import com.analyticscopilot.app.service.Analysis;
import com.analyticscopilot.app.service.DetectionService;
import com.analyticscopilot.app.service.KpiTrace;
import com.analyticscopilot.app.service.SiteTrace;
import com.analyticscopilot.app.task.TaskProgress;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.KpiMove;
import com.analyticscopilot.detect.Severity;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.forecast.ResidualScorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately plain detector for the workbench's tests, so they do not depend on the tuning
 * of the real one: expected = median of the same weekday, score = residual over 1.4826 MAD,
 * threshold 6 - 4 x sensitivity. Counts its runs, so tests can see re-scoring happen.
 */
public final class SimpleDetection implements DetectionService {

    public volatile int runs;
    public volatile double lastSensitivity = Double.NaN;
    public volatile ResidualScorer lastScorer;

    @Override
    public Analysis analyse(Dataset dataset, double sensitivity, ResidualScorer scorer,
                            ThresholdAdjustments adjustments, TaskProgress progress) {
        runs++;
        lastSensitivity = sensitivity;
        lastScorer = scorer;
        double threshold = 6 - 4 * sensitivity;
        Map<String, SiteTrace> traces = new HashMap<>();
        List<AnomalyEvent> events = new ArrayList<>();
        for (SiteSeries site : dataset.sites()) {
            if (progress.isCancelled()) {
                break;
            }
            List<KpiTrace> kpis = new ArrayList<>();
            List<AnomalyPoint> points = new ArrayList<>();
            for (int k = 0; k < dataset.kpis().size(); k++) {
                Kpi kpi = dataset.kpis().get(k);
                double[] y = site.series(k);
                int n = y.length;
                double[] expected = new double[n];
                for (int d = 0; d < 7; d++) {
                    List<Double> same = new ArrayList<>();
                    for (int t = d; t < n; t += 7) {
                        same.add(y[t]);
                    }
                    double m = median(same.stream().mapToDouble(Double::doubleValue).toArray());
                    for (int t = d; t < n; t += 7) {
                        expected[t] = m;
                    }
                }
                double[] residual = new double[n];
                for (int t = 0; t < n; t++) {
                    residual[t] = y[t] - expected[t];
                }
                double mad = 1.4826 * median(Arrays.stream(residual).map(Math::abs).toArray());
                double scale = mad > 0 ? mad : 1;
                double limit = threshold + adjustments.offset(site.site(), kpi.name());
                double[] score = new double[n];
                double[] lower = new double[n];
                double[] upper = new double[n];
                double[] trend = new double[n];
                double[] seasonal = new double[n];
                double mean = Arrays.stream(expected).average().orElse(0);
                for (int t = 0; t < n; t++) {
                    score[t] = residual[t] / scale;
                    lower[t] = expected[t] - limit * scale;
                    upper[t] = expected[t] + limit * scale;
                    trend[t] = mean;
                    seasonal[t] = expected[t] - mean;
                    if (Math.abs(score[t]) > limit) {
                        Severity severity = Math.abs(score[t]) > 3 * limit ? Severity.CRITICAL
                                : Math.abs(score[t]) > 2 * limit ? Severity.HIGH : Severity.MEDIUM;
                        points.add(new AnomalyPoint(site.site(), kpi.name(), t, site.time(t), y[t],
                                expected[t],
                                score[t], Double.NaN, score[t], severity));
                    }
                }
                kpis.add(new KpiTrace(kpi, y, expected, lower, upper, trend, seasonal, residual,
                        score));
            }
            traces.put(site.site(), new SiteTrace(site, kpis, points));
            events.addAll(group(dataset, site, points));
        }
        return new Analysis(dataset, sensitivity, scorer == null ? "stl" : "hybrid", events,
                traces);
    }

    /** Consecutive flagged steps of a site form one event. */
    private static List<AnomalyEvent> group(Dataset dataset, SiteSeries site,
            List<AnomalyPoint> points) {
        List<AnomalyEvent> events = new ArrayList<>();
        List<AnomalyPoint> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
        List<AnomalyPoint> current = new ArrayList<>();
        for (AnomalyPoint p : sorted) {
            if (!current.isEmpty() && p.index() > current.get(current.size() - 1).index() + 1) {
                events.add(event(dataset, site, current));
                current = new ArrayList<>();
            }
            current.add(p);
        }
        if (!current.isEmpty()) {
            events.add(event(dataset, site, current));
        }
        return events;
    }

    private static AnomalyEvent event(Dataset dataset, SiteSeries site, List<AnomalyPoint> points) {
        int first = points.get(0).index();
        int last = points.get(points.size() - 1).index();
        List<KpiMove> moves = new ArrayList<>();
        for (Kpi kpi : dataset.kpis()) {
            List<AnomalyPoint> mine = points.stream().filter(p -> p.kpi().equals(kpi.name()))
                    .toList();
            double peak = mine.stream().mapToDouble(p -> Math.abs(p.score())).max().orElse(0);
            int direction = mine.isEmpty() ? 0 : (int) Math.signum(mine.get(0).score());
            moves.add(new KpiMove(kpi.name(), kpi.role(), direction, 0, peak, !mine.isEmpty()));
        }
        Severity worst = points.stream().map(AnomalyPoint::severity).max(Enum::compareTo)
                .orElseThrow();
        return new AnomalyEvent(site.site() + "/" + site.time(first).toLocalDate(), site.site(),
                site.time(first),
                site.time(last), last - first + 1, points, moves, worst, 1, false, Double.NaN);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? 0 : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
