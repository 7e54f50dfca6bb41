package com.analyticscopilot.app.service;

import com.analyticscopilot.agent.FeedbackStore;
import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.agent.Verdict;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.UserFolder;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.KpiMove;
import com.analyticscopilot.detect.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbench's view of the real agent and its SQLite store. */
class AgentAdvisorServiceTest {

    @TempDir
    Path home;

    private AgentAdvisorService service;

    @BeforeEach
    void open() {
        // The agent looks for a user playbook in the data folder; keep it in the temp folder.
        System.setProperty(UserFolder.PROPERTY, home.toString());
        service = AgentAdvisorService.open(home.resolve("feedback.db"));
    }

    @AfterEach
    void close() {
        service.close();
        System.clearProperty(UserFolder.PROPERTY);
    }

    /** Revenue and conversion down by two thirds on steady traffic: a checkout failure. */
    private static AnomalyEvent checkoutDrop(String site) {
        LocalDateTime day = LocalDateTime.of(2025, 3, 4, 0, 0);
        List<KpiMove> moves = List.of(new KpiMove("sessions", KpiRole.COUNT, 1, 0.01, 0.3, false),
                new KpiMove("conversion_rate", KpiRole.RATIO, -1, -0.65, 9, true),
                new KpiMove("revenue", KpiRole.MONEY, -1, -0.66, 9, true));
        List<AnomalyPoint> points = List.of(
                new AnomalyPoint(site, "conversion_rate", 57, day, 0.01, 0.03, -9, Double.NaN, -9,
                        Severity.CRITICAL),
                new AnomalyPoint(site, "revenue", 57, day, 1700, 5000, -9, Double.NaN, -9,
                        Severity.CRITICAL));
        return new AnomalyEvent(site + "/" + day, site, day, day, 1, points, moves,
                Severity.CRITICAL, 1, false, 3300);
    }

    @Test
    void anAnswerIsStoredAndShowsInHistoryAndState() throws Exception {
        AnomalyEvent event = checkoutDrop("shop-1");
        List<Recommendation> recs = service.recommend(event, List.of(event));
        assertFalse(recs.isEmpty());
        Recommendation top = recs.get(0);
        RankedAction second = top.actions().get(top.actions().size() > 1 ? 1 : 0);

        FeedbackEntry entry = service.record(event, top, second, Answer.ACCEPT, "refunds issued");

        assertEquals(Answer.ACCEPT, entry.answer());
        assertEquals(second.id(), entry.actionId());
        assertEquals(List.of(entry), service.history("shop-1"));
        assertTrue(service.history("shop-2").isEmpty());
        assertEquals(FeedbackState.ACCEPTED, service.states().get(event.id()));
        try (FeedbackStore store = FeedbackStore.open(home.resolve("feedback.db"))) {
            assertEquals(Verdict.ACCEPT, store.feedback().get(0).verdict());
            assertEquals("refunds issued", store.feedback().get(0).note());
        }
    }

    @Test
    void notAnAnomalyRaisesTheThresholdsOfTheFlaggedKpis() {
        AnomalyEvent event = checkoutDrop("shop-3");
        Recommendation top = service.recommend(event, List.of(event)).get(0);
        assertEquals(0.0, service.adjustments().offset("shop-3", "revenue"), 1e-12);

        service.record(event, top, top.actions().get(0), Answer.NOT_ANOMALY, "planned price test");

        assertTrue(service.adjustments().offset("shop-3", "revenue") > 0,
                "revenue threshold raised");
        assertEquals(0.0, service.adjustments().offset("shop-3", "sessions"), 1e-12,
                "steady KPI untouched");
        assertEquals(FeedbackState.NOT_ANOMALY, service.states().get(event.id()));
    }
}
