package com.analyticscopilot.detect;

import com.analyticscopilot.data.Incident;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Event precision, recall and F1 of flagged points against labelled incidents:
 * <ul>
 *   <li>flagged times of a site (any KPI) at most one day apart form one detected event;</li>
 *   <li>an incident is found when a detected event of its site overlaps
 *       [start - 1 day, end + 2 days] (detection may lag; a level shift's first days may be
 *       absorbed);</li>
 *   <li>a detected event that overlaps no such window of its site is a false alarm.</li>
 * </ul>
 * precision = (detected - false alarms) / detected, recall = found / incidents.
 */
public final class Evaluation {

    private static final Duration JOIN = Duration.ofDays(1);
    private static final Duration BEFORE = Duration.ofDays(1);
    private static final Duration AFTER = Duration.ofDays(2);

    private Evaluation() {
    }

    /**
     * Recall of one incident type.
     *
     * @param type      the incident type
     * @param incidents how many were labelled
     * @param found     how many were found
     */
    public record TypeRecall(String type, int incidents, int found) {
        public double recall() {
            return incidents == 0 ? Double.NaN : (double) found / incidents;
        }
    }

    /**
     * The figures of one evaluation.
     *
     * @param detected    detected events
     * @param falseAlarms detected events overlapping no incident window
     * @param incidents   labelled incidents
     * @param found       incidents found
     * @param byType      recall per incident type, types in alphabetical order
     */
    public record Result(int detected, int falseAlarms, int incidents, int found,
                         List<TypeRecall> byType) {

        public Result {
            byType = List.copyOf(byType);
        }

        public double precision() {
            return detected == 0 ? Double.NaN : (double) (detected - falseAlarms) / detected;
        }

        public double recall() {
            return incidents == 0 ? Double.NaN : (double) found / incidents;
        }

        /** Harmonic mean of precision and recall; 0 when either is 0 or undefined. */
        public double f1() {
            double p = precision();
            double r = recall();
            return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Evaluates the flagged points of a detection run against labelled incidents. */
    public static Result evaluate(DetectionResult result, List<Incident> labels) {
        Map<String, TreeSet<LocalDateTime>> flagged = new HashMap<>();
        for (AnomalyPoint p : result.points()) {
            flagged.computeIfAbsent(p.site(), s -> new TreeSet<>()).add(p.time());
        }
        return evaluate(flagged, labels);
    }

    /** Evaluates flagged times per site against labelled incidents. */
    public static Result evaluate(Map<String, ? extends java.util.SortedSet<LocalDateTime>> flagged,
                                  List<Incident> labels) {
        // Detected events: runs of flagged times at most a day apart.
        record Detected(String site, LocalDateTime start, LocalDateTime end) {
        }
        List<Detected> detected = new ArrayList<>();
        for (var e : flagged.entrySet()) {
            LocalDateTime start = null;
            LocalDateTime last = null;
            for (LocalDateTime t : e.getValue()) {
                if (start != null && Duration.between(last, t).compareTo(JOIN) > 0) {
                    detected.add(new Detected(e.getKey(), start, last));
                    start = null;
                }
                if (start == null) {
                    start = t;
                }
                last = t;
            }
            if (start != null) {
                detected.add(new Detected(e.getKey(), start, last));
            }
        }

        // An incident's window runs from a day before its first day to two days after its last;
        // its last day is inclusive, so the window ends at the start of end + 3 days.
        Map<String, List<LocalDateTime[]>> windows = new HashMap<>();
        for (Incident i : labels) {
            windows.computeIfAbsent(i.site(), s -> new ArrayList<>()).add(new LocalDateTime[] {
                i.start().atStartOfDay().minus(BEFORE),
                i.end().atStartOfDay().plus(AFTER).plusDays(1).minusNanos(1)});
        }

        int falseAlarms = 0;
        for (Detected d : detected) {
            boolean hit = false;
            for (LocalDateTime[] w : windows.getOrDefault(d.site(), List.of())) {
                hit |= overlaps(d.start(), d.end(), w[0], w[1]);
            }
            falseAlarms += hit ? 0 : 1;
        }

        int found = 0;
        Map<String, int[]> byType = new TreeMap<>();
        for (Incident i : labels) {
            LocalDateTime from = i.start().atStartOfDay().minus(BEFORE);
            LocalDateTime to = i.end().atStartOfDay().plus(AFTER).plusDays(1).minusNanos(1);
            boolean hit = false;
            for (Detected d : detected) {
                hit |= d.site().equals(i.site()) && overlaps(d.start(), d.end(), from, to);
            }
            found += hit ? 1 : 0;
            int[] counts = byType.computeIfAbsent(i.type(), t -> new int[2]);
            counts[0]++;
            counts[1] += hit ? 1 : 0;
        }
        List<TypeRecall> types = new ArrayList<>();
        byType.forEach((type, c) -> types.add(new TypeRecall(type, c[0], c[1])));
        return new Result(detected.size(), falseAlarms, labels.size(), found, types);
    }

    private static boolean overlaps(LocalDateTime aFrom, LocalDateTime aTo, LocalDateTime bFrom,
                                    LocalDateTime bTo) {
        return !aTo.isBefore(bFrom) && !aFrom.isAfter(bTo);
    }
}
