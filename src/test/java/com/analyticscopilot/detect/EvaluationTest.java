package com.analyticscopilot.detect;

import com.analyticscopilot.data.Incident;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluationTest {

    private static LocalDateTime day(int d) {
        return LocalDate.of(2025, 3, 1).plusDays(d).atStartOfDay();
    }

    private static Incident incident(String site, int from, int to, String type) {
        return new Incident(site, day(from).toLocalDate(), day(to).toLocalDate(),
                List.of("sessions"), type);
    }

    @Test
    void eventsWindowsAndFalseAlarmsFollowTheDefinition() {
        // Site a: days 10, 11 and 13 are two detected events (13 is two days after 11);
        // day 30 is a third. Site b: day 5.
        Map<String, TreeSet<LocalDateTime>> flagged = Map.of(
                "a", new TreeSet<>(List.of(day(10), day(11), day(13), day(30))),
                "b", new TreeSet<>(List.of(day(5))));
        List<Incident> labels = List.of(
                incident("a", 14, 15, "dip"),      // window 13..17: found by the event at 13
                incident("a", 8, 8, "spike"),      // window 7..10: found by the event at 10-11
                incident("a", 20, 21, "spike"),    // window 19..23: missed
                incident("b", 7, 9, "dip"));       // window 6..11: day 5 is outside -> missed

        Evaluation.Result r = Evaluation.evaluate(flagged, labels);

        assertEquals(4, r.detected());
        assertEquals(2, r.falseAlarms(), "a/30 and b/5");
        assertEquals(2, r.found());
        assertEquals(0.5, r.precision(), 1e-12);
        assertEquals(0.5, r.recall(), 1e-12);
        assertEquals(0.5, r.f1(), 1e-12);
        assertEquals(new Evaluation.TypeRecall("dip", 2, 1), r.byType().get(0));
        assertEquals(new Evaluation.TypeRecall("spike", 2, 1), r.byType().get(1));
    }

    @Test
    void theWindowEndsTwoDaysAfterTheLastDayInclusive() {
        List<Incident> labels = List.of(incident("a", 10, 10, "spike"));

        assertEquals(1, Evaluation.evaluate(
                Map.of("a", new TreeSet<>(List.of(day(12)))), labels).found());
        assertEquals(0, Evaluation.evaluate(
                Map.of("a", new TreeSet<>(List.of(day(13)))), labels).found());
        assertEquals(1, Evaluation.evaluate(
                Map.of("a", new TreeSet<>(List.of(day(9)))), labels).found());
        assertEquals(0, Evaluation.evaluate(
                Map.of("a", new TreeSet<>(List.of(day(8)))), labels).found());
    }

    @Test
    void nothingFlaggedScoresZero() {
        Evaluation.Result r = Evaluation.evaluate(Map.of(),
                List.of(incident("a", 1, 2, "dip")));
        assertEquals(0, r.f1());
        assertEquals(0, r.recall());
    }
}
