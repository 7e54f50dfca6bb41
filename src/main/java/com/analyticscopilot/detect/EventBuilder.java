package com.analyticscopilot.detect;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.detect.stl.KpiScale;
import com.analyticscopilot.detect.stl.RobustScale;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups flagged points into events: consecutive flagged steps of one site, across its KPIs, are
 * one event; steps on which most of the portfolio is flagged become one shared event instead of
 * one per site.
 */
final class EventBuilder {

    private final Dataset dataset;
    private final DetectionSettings settings;
    private final Map<String, List<SeriesScores>> bySite;
    private final int moneyKpi;

    EventBuilder(Dataset dataset, DetectionSettings settings,
                 Map<String, List<SeriesScores>> bySite) {
        this.dataset = dataset;
        this.settings = settings;
        this.bySite = bySite;
        this.moneyKpi = dataset.firstWithRole(KpiRole.MONEY)
                .map(k -> dataset.kpiIndex(k.name())).orElse(-1);
    }

    /** One site's run of consecutive flagged steps, indices into its series. */
    private record Run(String site, LocalDateTime startTime, int from, int to) {
    }

    List<AnomalyEvent> build() {
        // Runs of consecutive flagged steps per site, and how many sites are flagged, or have
        // data, at each time.
        List<Run> runs = new ArrayList<>();
        Map<LocalDateTime, Set<String>> flaggedAt = new HashMap<>();
        Map<LocalDateTime, Integer> withData = new HashMap<>();
        for (var entry : bySite.entrySet()) {
            String site = entry.getKey();
            List<SeriesScores> series = entry.getValue();
            var siteSeries = dataset.site(site).orElseThrow();
            int n = siteSeries.length();
            int runStart = -1;
            for (int t = 0; t <= n; t++) {
                boolean any = t < n && anyFlagged(series, t);
                if (t < n && anyObserved(series, t)) {
                    withData.merge(siteSeries.time(t), 1, Integer::sum);
                }
                if (any) {
                    flaggedAt.computeIfAbsent(siteSeries.time(t), x -> new HashSet<>()).add(site);
                    if (runStart < 0) {
                        runStart = t;
                    }
                } else if (runStart >= 0) {
                    runs.add(new Run(site, siteSeries.time(runStart), runStart, t - 1));
                    runStart = -1;
                }
            }
        }

        // Portfolio-wide steps: most sites with data are flagged on them at once.
        TreeSet<LocalDateTime> portfolio = new TreeSet<>();
        for (var e : flaggedAt.entrySet()) {
            int sites = withData.getOrDefault(e.getKey(), 0);
            double needed = Math.max(settings.minSharedSites(),
                    Math.ceil(settings.sharedFraction() * sites));
            if (e.getValue().size() >= needed) {
                portfolio.add(e.getKey());
            }
        }

        // Group consecutive portfolio steps into shared events.
        TreeMap<LocalDateTime, List<Run>> sharedGroups = new TreeMap<>();
        Map<LocalDateTime, LocalDateTime> groupOf = new HashMap<>();
        LocalDateTime groupStart = null;
        LocalDateTime previous = null;
        for (LocalDateTime time : portfolio) {
            if (previous == null || !previous.plus(dataset.step().duration()).equals(time)) {
                groupStart = time;
                sharedGroups.put(groupStart, new ArrayList<>());
            }
            groupOf.put(time, groupStart);
            previous = time;
        }

        // A site's run is split where it enters or leaves portfolio-wide steps: the steps the
        // whole portfolio moved on join the shared event, the site's own steps around them stay
        // the site's own event.
        List<AnomalyEvent> events = new ArrayList<>();
        for (Run run : runs) {
            var site = dataset.site(run.site()).orElseThrow();
            int from = run.from();
            for (int t = run.from(); t <= run.to(); t++) {
                boolean last = t == run.to();
                LocalDateTime group = groupOf.get(site.time(t));
                LocalDateTime nextGroup = last ? null : groupOf.get(site.time(t + 1));
                if (!last && java.util.Objects.equals(group, nextGroup)) {
                    continue;
                }
                Run part = new Run(run.site(), site.time(from), from, t);
                if (group != null) {
                    sharedGroups.get(group).add(part);
                } else {
                    int affected = flaggedAt.getOrDefault(part.startTime(), Set.of()).size();
                    events.add(siteEvent(part, affected));
                }
                from = t + 1;
            }
        }
        for (var g : sharedGroups.entrySet()) {
            if (!g.getValue().isEmpty()) {
                events.add(sharedEvent(g.getValue()));
            }
        }
        events.sort(Comparator.comparing(AnomalyEvent::severity).reversed()
                .thenComparing(AnomalyEvent::start).thenComparing(AnomalyEvent::site));
        return events;
    }

    private static boolean anyFlagged(List<SeriesScores> series, int t) {
        for (SeriesScores s : series) {
            if (s.flagged(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyObserved(List<SeriesScores> series, int t) {
        for (SeriesScores s : series) {
            if (!Double.isNaN(s.observed(t))) {
                return true;
            }
        }
        return false;
    }

    private AnomalyEvent siteEvent(Run run, int sitesAffected) {
        List<SeriesScores> series = bySite.get(run.site());
        var site = dataset.site(run.site()).orElseThrow();
        List<AnomalyPoint> points = points(run, series);
        List<KpiMove> moves = new ArrayList<>();
        for (SeriesScores s : series) {
            moves.add(withLevel(move(s, run.from(), run.to()), s, run.from(), run.to()));
        }
        Severity severity = worst(points);
        double impact = impact(run);
        return new AnomalyEvent(id(run.site(), run.startTime()), run.site(), run.startTime(),
                site.time(run.to()), run.to() - run.from() + 1, points, moves, severity,
                Math.max(sitesAffected, 1), false, impact);
    }

    private AnomalyEvent sharedEvent(List<Run> runs) {
        List<AnomalyPoint> points = new ArrayList<>();
        LocalDateTime start = null;
        LocalDateTime end = null;
        Set<String> sites = new TreeSet<>();
        double impact = moneyKpi < 0 ? Double.NaN : 0;
        for (Run run : runs) {
            var site = dataset.site(run.site()).orElseThrow();
            points.addAll(points(run, bySite.get(run.site())));
            LocalDateTime runEnd = site.time(run.to());
            start = start == null || run.startTime().isBefore(start) ? run.startTime() : start;
            end = end == null || runEnd.isAfter(end) ? runEnd : end;
            sites.add(run.site());
            if (moneyKpi >= 0) {
                impact += impact(run);
            }
        }

        // The shared signature: per KPI, the median move over the sites involved.
        List<KpiMove> moves = new ArrayList<>();
        for (int k = 0; k < dataset.kpis().size(); k++) {
            List<Double> relative = new ArrayList<>();
            double peak = Double.NaN;
            boolean flagged = false;
            for (Run run : runs) {
                KpiMove m = move(bySite.get(run.site()).get(k), run.from(), run.to());
                if (!Double.isNaN(m.relativeChange())) {
                    relative.add(m.relativeChange());
                }
                if (!Double.isNaN(m.peakScore())) {
                    peak = Double.isNaN(peak) ? m.peakScore() : Math.max(peak, m.peakScore());
                }
                flagged |= m.flagged();
            }
            double median = RobustScale.median(
                    relative.stream().mapToDouble(Double::doubleValue).toArray());
            Kpi kpi = dataset.kpis().get(k);
            moves.add(new KpiMove(kpi.name(), kpi.role(),
                    Double.isNaN(median) ? 0 : (int) Math.signum(median), median, peak, flagged));
        }
        long steps = java.time.Duration.between(start, end)
                .dividedBy(dataset.step().duration()) + 1;
        points.sort(Comparator.comparing(AnomalyPoint::time).thenComparing(AnomalyPoint::site));
        return new AnomalyEvent(id(Detector.PORTFOLIO, start), Detector.PORTFOLIO, start, end,
                (int) steps, points, moves, worst(points), sites.size(), true, impact);
    }

    private List<AnomalyPoint> points(Run run, List<SeriesScores> series) {
        var site = dataset.site(run.site()).orElseThrow();
        List<AnomalyPoint> points = new ArrayList<>();
        for (int t = run.from(); t <= run.to(); t++) {
            for (SeriesScores s : series) {
                if (!s.flagged(t)) {
                    continue;
                }
                double relative = SeverityRule.relativeChange(s.observed(t), s.expected(t));
                Severity severity = SeverityRule.of(s.strength(t), s.threshold(), relative);
                points.add(new AnomalyPoint(run.site(), s.kpi().name(), t, site.time(t),
                        s.observed(t), s.expected(t), s.stlScore(t), s.lstmScore(t), s.score(t),
                        severity));
            }
        }
        return points;
    }

    /** How one KPI moved over steps [from, to]: at the step of its largest absolute score. */
    private static KpiMove move(SeriesScores s, int from, int to) {
        int peakAt = -1;
        boolean flagged = false;
        for (int t = from; t <= to; t++) {
            double a = Math.abs(s.score(t));
            if (!Double.isNaN(a) && (peakAt < 0 || a > Math.abs(s.score(peakAt)))) {
                peakAt = t;
            }
            flagged |= s.flagged(t);
        }
        if (peakAt < 0) {
            return new KpiMove(s.kpi().name(), s.kpi().role(), 0, Double.NaN, Double.NaN, false);
        }
        double deviation = s.observed(peakAt) - s.expected(peakAt);
        int direction = deviation != 0 && !Double.isNaN(deviation) ? (int) Math.signum(deviation)
                : (int) Math.signum(s.score(peakAt));
        return new KpiMove(s.kpi().name(), s.kpi().role(), direction,
                SeverityRule.relativeChange(s.observed(peakAt), s.expected(peakAt)),
                Math.abs(s.score(peakAt)), flagged);
    }

    /** Steps before an event whose level is the "old" one: four weeks of daily data. */
    static final int LEVEL_BEFORE = 28;
    /** Steps after an event whose level is the "new" one: two weeks of daily data. */
    static final int LEVEL_AFTER = 14;
    /** Fewest known steps after the event to judge its level: about a working week. */
    static final int MIN_AFTER = 5;
    /** Fewest known steps before the event to estimate the old level and its noise. */
    static final int MIN_BEFORE = 7;
    /**
     * The standard error of the median of n independent normal values is sqrt(pi / 2) = 1.2533
     * times that of their mean, sigma / sqrt(n).
     */
    private static final double MEDIAN_SE_FACTOR = 1.2533;

    /**
     * The move with how the KPI's level after the event compares with its level before it.
     *
     * <p>The level is read from the deseasonalised series, trend + remainder on the working
     * scale (observed minus the weekly pattern: log scale for counts and money, raw for ratios),
     * so that a Monday after a Sunday is not a change. "Stayed at the new level" is judged on the
     * steps after the event is over, up to {@value #LEVEL_AFTER} of them: a dip or an outage has
     * returned by then and its median is the old level, a level shift keeps the new one on
     * every step. Leaving the event's own steps out also keeps a long event from judging itself.
     * The old level is the median of up to {@value #LEVEL_BEFORE} steps before the event's
     * start; medians, so that an earlier incident in either window does not move them.
     *
     * <p>Significance: the noise is the robust spread (1.4826 MAD) of the deseasonalised steps
     * before the event, which includes the slow wander of the trend. The two medians have
     * standard errors 1.2533 sigma / sqrt(n) each, so their difference has
     * se = 1.2533 sigma sqrt(1 / nAfter + 1 / nBefore), and {@code sustainedZ} = change / se.
     * With 14 and 28 steps, se is about 0.41 sigma: a new level counts as sustained
     * ({@link KpiMove#SUSTAINED_Z}) when it is about 1.6 of the old day-to-day spreads away.
     */
    private static KpiMove withLevel(KpiMove move, SeriesScores s, int from, int to) {
        double[] trend = s.trend();
        double[] remainder = s.remainder();
        if (trend == null || remainder == null) {
            return move;
        }
        int n = s.length();
        double[] before = level(trend, remainder, Math.max(0, from - LEVEL_BEFORE), from - 1);
        double[] after = level(trend, remainder, to + 1, Math.min(n - 1, to + LEVEL_AFTER));
        if (before.length < MIN_BEFORE || after.length < MIN_AFTER) {
            return move;
        }

        // The old and the new level, and the change in the KPI's own relative terms: on the log
        // scale a difference d of levels is a ratio e^d (the +1 of log1p is negligible at the
        // levels a shift is judged on).
        double oldLevel = RobustScale.median(before);
        double newLevel = RobustScale.median(after);
        double change = s.scale() == KpiScale.LOG1P ? Math.expm1(newLevel - oldLevel)
                : oldLevel == 0 ? Double.NaN : (newLevel - oldLevel) / Math.abs(oldLevel);

        // The floor only keeps a constant series from dividing by zero.
        double sigma = RobustScale.sigma(before, oldLevel, 1e-12);
        double se = MEDIAN_SE_FACTOR * sigma
                * Math.sqrt(1.0 / after.length + 1.0 / before.length);
        double z = (newLevel - oldLevel) / se;
        return new KpiMove(move.kpi(), move.role(), move.direction(), move.relativeChange(),
                move.peakScore(), move.flagged(), change, z);
    }

    /** The known deseasonalised values (trend + remainder) of steps [from, to]. */
    private static double[] level(double[] trend, double[] remainder, int from, int to) {
        List<Double> values = new ArrayList<>();
        for (int t = Math.max(0, from); t <= to; t++) {
            double v = trend[t] + remainder[t];
            if (!Double.isNaN(v)) {
                values.add(v);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Money expected minus observed over the run; NaN without a money KPI. */
    private double impact(Run run) {
        if (moneyKpi < 0) {
            return Double.NaN;
        }
        SeriesScores money = bySite.get(run.site()).get(moneyKpi);
        double sum = 0;
        for (int t = run.from(); t <= run.to(); t++) {
            double d = money.expected(t) - money.observed(t);
            if (!Double.isNaN(d)) {
                sum += d;
            }
        }
        return sum;
    }

    private static Severity worst(List<AnomalyPoint> points) {
        Severity worst = Severity.LOW;
        for (AnomalyPoint p : points) {
            if (p.severity().compareTo(worst) > 0) {
                worst = p.severity();
            }
        }
        return worst;
    }

    private String id(String site, LocalDateTime start) {
        String when = dataset.step().isDaily() ? start.toLocalDate().toString()
                : start.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        return site + "/" + when;
    }
}
