package com.analyticscopilot.agent;

import com.analyticscopilot.agent.playbook.Playbook;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.AnomalyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.LocalDateTime;
import java.util.List;

import static com.analyticscopilot.data.KpiRole.COUNT;
import static com.analyticscopilot.data.KpiRole.MONEY;
import static com.analyticscopilot.data.KpiRole.RATIO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ranking that learns from accept/reject, and thresholds that learn from "not an anomaly". */
class AgentFeedbackTest {

    @TempDir
    java.nio.file.Path folder;

    private FeedbackStore store;
    private Agent agent;

    @BeforeEach
    void open() {
        store = FeedbackStore.open(folder.resolve("feedback.db"));
        agent = new Agent(Playbook.shipped(), store, TimeStep.DAILY);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A traffic loss on {@code site}, {@code n} weeks after the first. */
    private static AnomalyEvent trafficLoss(String site, int n) {
        return Events.on(site).startingOn(LocalDateTime.of(2026, 3, 2, 0, 0).plusWeeks(n))
                .flagged("sessions", COUNT, -60).steady("conversion_rate", RATIO, 1)
                .flagged("revenue", MONEY, -58).days(2).build();
    }

    private List<String> order(AnomalyEvent event) {
        return agent.recommend(event, List.of()).get(0).actions().stream().map(RankedAction::id).toList();
    }

    /** Records the event's recommendations and returns the store id of one action. */
    private long idOf(AnomalyEvent event, String actionId) {
        List<Recommendation> recs = agent.recommend(event, List.of());
        List<Long> ids = agent.record(event, recs);
        List<RankedAction> actions = recs.get(0).actions();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).id().equals(actionId)) {
                return ids.get(i);
            }
        }
        throw new AssertionError("no action " + actionId);
    }

    @Test
    void withoutFeedbackThePlaybookOrderStandsAndNoReasonIsGiven() {
        Recommendation rec = agent.recommend(trafficLoss("shop-01", 0), List.of()).get(0);

        assertEquals(List.of("check-tracking", "check-sources", "check-site-up", "check-export"),
                rec.actions().stream().map(RankedAction::id).toList());
        assertTrue(rec.actions().stream().allMatch(a -> a.reason().isEmpty()));
        assertTrue(rec.actions().get(0).score() > rec.actions().get(1).score());
    }

    @Test
    void rejectedActionSinksOnThatSiteWithTheReasonStated() {
        for (int week = 0; week < 4; week++) {
            AnomalyEvent event = trafficLoss("shop-01", week);
            long id = idOf(event, "check-tracking");
            if (week < 3) {
                agent.reject(id, "the tag was fine");
            } else {
                agent.accept(id, null);
            }
        }

        Recommendation rec = agent.recommend(trafficLoss("shop-01", 9), List.of()).get(0);
        RankedAction tracking = rec.actions().stream()
                .filter(a -> a.id().equals("check-tracking")).findFirst().orElseThrow();

        assertEquals("rejected 3 of 4 times on this site (estimated acceptance 38 %)",
                tracking.reason());
        // From first to third: (2 x 0.65 + 1) / (2 + 4) = 0.38 is below the third action's
        // prior (0.45) but above the last one's (0.35), which nobody has rejected yet.
        assertEquals(List.of("check-sources", "check-site-up", "check-tracking", "check-export"),
                order(trafficLoss("shop-01", 9)));
    }

    @Test
    void acceptedActionRisesToTheTop() {
        for (int week = 0; week < 2; week++) {
            agent.accept(idOf(trafficLoss("shop-02", week), "check-export"), "partial day again");
        }

        Recommendation rec = agent.recommend(trafficLoss("shop-02", 5), List.of()).get(0);

        assertEquals("check-export", rec.actions().get(0).id());
        assertTrue(rec.actions().get(0).reason().startsWith("accepted 2 of 2 times on this site"),
                rec.actions().get(0).reason());
    }

    @Test
    void rejectionsOnOtherSitesMoveSimilarAnomaliesHereButLessThanOwnOnes() {
        for (int site = 1; site <= 4; site++) {
            agent.reject(idOf(trafficLoss("shop-1" + site, 0), "check-tracking"), null);
        }

        Recommendation fresh = agent.recommend(trafficLoss("shop-99", 0), List.of()).get(0);
        RankedAction tracking = fresh.actions().stream()
                .filter(a -> a.id().equals("check-tracking")).findFirst().orElseThrow();

        assertFalse(fresh.actions().get(0).id().equals("check-tracking"));
        assertTrue(tracking.reason().startsWith("rejected 4 of 4 times on other sites with this"
                + " diagnosis"), tracking.reason());

        // An acceptance on this site counts more than the pool: it comes back to the top.
        agent.accept(idOf(trafficLoss("shop-99", 0), "check-tracking"), null);
        agent.accept(idOf(trafficLoss("shop-99", 1), "check-tracking"), null);
        assertEquals("check-tracking", order(trafficLoss("shop-99", 2)).get(0));
    }

    @Test
    void feedbackOnOneRuleDoesNotMoveAnotherRulesActions() {
        agent.reject(idOf(trafficLoss("shop-03", 0), "check-tracking"), null);

        AnomalyEvent checkout = Events.on("shop-03").steady("sessions", COUNT, 0)
                .flagged("conversion_rate", RATIO, -70).flagged("revenue", MONEY, -70).build();

        assertTrue(agent.recommend(checkout, List.of()).get(0).actions().stream()
                .allMatch(a -> a.reason().isEmpty()));
    }

    @Test
    void changingOnesMindCountsOnceForTheEvent() {
        long id = idOf(trafficLoss("shop-04", 0), "check-tracking");
        agent.reject(id, null);
        agent.accept(id, "on second thought, it was the tag");

        RankedAction tracking = agent.recommend(trafficLoss("shop-04", 3), List.of()).get(0)
                .actions().get(0);

        assertEquals("check-tracking", tracking.id());
        assertTrue(tracking.reason().startsWith("accepted 1 of 1 time on this site"), tracking.reason());
        assertEquals(2, store.feedback().size());
    }

    @Test
    void recordingTheSameRecommendationTwiceKeepsItsId() {
        AnomalyEvent event = trafficLoss("shop-05", 0);

        List<Long> first = agent.record(event, agent.recommend(event, List.of()));
        List<Long> again = agent.record(event, agent.recommend(event, List.of()));

        assertEquals(first, again);
        assertEquals(4, store.recommendations("shop-05").size());
        assertEquals(List.of("sessions", "revenue"), store.recommendation(first.get(0)).orElseThrow().kpis());
    }

    @Test
    void notAnomalyRaisesEachFlaggedKpiOneStepAndLogsIt() {
        long id = idOf(trafficLoss("shop-06", 0), "check-tracking");

        Click click = agent.notAnomaly(id, "a planned maintenance day");

        assertEquals(Verdict.NOT_ANOMALY, click.entry().verdict());
        assertEquals(2, click.changes().size());
        assertEquals(0.5, agent.offset("shop-06", "sessions"), 1e-12);
        assertEquals(0.5, agent.offset("shop-06", "revenue"), 1e-12);
        assertEquals(0.0, agent.offset("shop-06", "conversion_rate"), 1e-12);
        assertEquals(0.0, agent.offset("shop-07", "sessions"), 1e-12);
        ThresholdChange logged = store.thresholdLog().get(0);
        assertEquals("shop-06", logged.site());
        assertEquals(click.entry().id(), logged.feedbackId());
        assertTrue(logged.reason().contains("shop-06/2026-03-02T00:00"), logged.reason());
        // "Not an anomaly" judges the event, not the action: the ranking is untouched.
        assertTrue(agent.recommend(trafficLoss("shop-06", 4), List.of()).get(0).actions().stream()
                .allMatch(a -> a.reason().isEmpty()));
    }

    @Test
    void notAnomalyOnAMarketWideEventMovesNoSiteThreshold() {
        AnomalyEvent holiday = Events.on("portfolio").flagged("sessions", COUNT, -45)
                .flagged("revenue", MONEY, -44).sharedWith(40).pointsOn("shop-12", "shop-13")
                .build();

        Click click = agent.notAnomaly(idOf(holiday, "check-calendar"), "Easter Monday");

        assertTrue(click.changes().isEmpty());
        assertTrue(click.notes().get(0).contains("market-wide"), click.notes().toString());
        assertTrue(store.thresholdLog().isEmpty());
        assertEquals(Verdict.NOT_ANOMALY, store.feedback().get(0).verdict());
    }

    @Test
    void thresholdRiseIsBoundedByTheCap() {
        Click last = null;
        for (int week = 0; week < 6; week++) {
            last = agent.notAnomaly(idOf(trafficLoss("shop-08", week), "check-tracking"), null);
        }

        assertEquals(ThresholdPolicy.DEFAULT.cap(), agent.offset("shop-08", "sessions"), 1e-12);
        // 4 steps of 0.5 reach the cap of 2.0; clicks 5 and 6 change nothing and say so.
        assertEquals(8, store.thresholdLog().size());
        assertTrue(last.changes().isEmpty());
        assertTrue(last.notes().get(0).contains("already at the cap"), last.notes().toString());
        assertEquals(6, store.feedback().size());
    }

    @Test
    void partialStepFillsUpToTheCapExactly() {
        Agent finer = new Agent(Playbook.shipped(), store, TimeStep.DAILY, new ThresholdPolicy(0.75, 2.0));
        for (int week = 0; week < 3; week++) {
            finer.notAnomaly(idOf(trafficLoss("shop-09", week), "check-tracking"), null);
        }

        List<ThresholdChange> sessions = store.thresholdLog().stream()
                .filter(c -> c.kpi().equals("sessions")).toList();
        assertEquals(List.of(0.75, 0.75, 0.5), sessions.stream().map(ThresholdChange::delta).toList());
        assertEquals(2.0, sessions.get(2).offset(), 1e-12);
    }

    @Test
    void undoTakesAChangeBackAndKeepsItVisibleInTheLog() {
        agent.notAnomaly(idOf(trafficLoss("shop-10", 0), "check-tracking"), null);
        agent.notAnomaly(idOf(trafficLoss("shop-10", 1), "check-tracking"), null);
        long firstSessions = store.thresholdLog().get(0).id();

        ThresholdChange undone = agent.undoThreshold(firstSessions);

        assertFalse(undone.active());
        assertEquals(0.5, agent.offset("shop-10", "sessions"), 1e-12);
        assertEquals(1.0, agent.offset("shop-10", "revenue"), 1e-12);
        assertEquals(4, store.thresholdLog().size());
        InvalidInputException twice = assertThrows(InvalidInputException.class,
                () -> agent.undoThreshold(firstSessions));
        assertTrue(twice.getMessage().contains("already undone"));
        assertThrows(InvalidInputException.class, () -> agent.undoThreshold(999));
    }

    @Test
    void anotherAgentOnTheSameStoreSeesTheOffsetsAfterRefresh() {
        Agent second = new Agent(Playbook.shipped(), store, TimeStep.DAILY);
        agent.notAnomaly(idOf(trafficLoss("shop-11", 0), "check-tracking"), null);

        assertEquals(0.0, second.offset("shop-11", "sessions"), 1e-12);
        second.refresh();
        assertEquals(0.5, second.offset("shop-11", "sessions"), 1e-12);
    }

    @Test
    void clickOnUnknownRecommendationIsAClearInputError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> agent.accept(42, null));

        assertTrue(e.getMessage().contains("no recommendation with id 42"), e.getMessage());
        assertTrue(store.feedback().isEmpty());
    }
}
