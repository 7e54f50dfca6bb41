package com.analyticscopilot.agent.playbook;

import com.analyticscopilot.agent.Agent;
import com.analyticscopilot.agent.Events;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.AnomalyEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.analyticscopilot.data.KpiRole.COUNT;
import static com.analyticscopilot.data.KpiRole.MONEY;
import static com.analyticscopilot.data.KpiRole.RATIO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every diagnosis of the shipped playbook, each on an event crafted to show its signature. */
class PlaybookDiagnosisTest {

    private final Agent agent = new Agent(Playbook.shipped(), null, TimeStep.DAILY);

    private Recommendation top(AnomalyEvent event) {
        return agent.recommend(event, List.of(event)).get(0);
    }

    @Test
    void trafficLossWhenVisitsFallAndConversionHolds() {
        AnomalyEvent event = Events.on("shop-01").flagged("sessions", COUNT, -72)
                .steady("conversion_rate", RATIO, -2).flagged("revenue", MONEY, -70).days(3).build();

        Recommendation rec = top(event);

        assertEquals("traffic-loss", rec.ruleId());
        assertEquals("Traffic loss (tracking outage or lost source)", rec.diagnosis());
        assertEquals("sessions -72 % for 3 days while conversion_rate held within its noise (-2 %)", rec.rationale());
        assertEquals("check-tracking", rec.actions().get(0).id());
    }

    @Test
    void botTrafficWhenVisitsRiseAndConversionFalls() {
        AnomalyEvent event = Events.on("shop-02").flagged("sessions", COUNT, 180)
                .flagged("conversion_rate", RATIO, -60).steady("revenue", MONEY, 3).days(2).build();

        assertEquals("bot-traffic", top(event).ruleId());
        assertEquals("Bot or low-quality traffic", top(event).diagnosis());
    }

    @Test
    void lowVolumeSiteBotsAndCheckoutFailureAreReadFromTheRatiosSizeEvenUnflagged() {
        // On a small site the conversion rate is noisy, so its real fall can stay unflagged.
        AnomalyEvent bots = Events.on("small").flagged("sessions", COUNT, 160)
                .steady("conversion_rate", RATIO, -57).steady("revenue", MONEY, -19).days(6).build();
        AnomalyEvent checkout = Events.on("small").steady("sessions", COUNT, -1)
                .steady("conversion_rate", RATIO, -72).flagged("revenue", MONEY, -77).build();

        assertEquals("bot-traffic", top(bots).ruleId());
        assertEquals("checkout-failure", top(checkout).ruleId());
    }

    @Test
    void trackingOutageWithASwingingConversionIsStillTrafficLoss() {
        // Few visits left: the conversion rate swings +120 % by chance, unflagged.
        AnomalyEvent outage = Events.on("shop-11").flagged("sessions", COUNT, -85)
                .steady("conversion_rate", RATIO, 120).flagged("revenue", MONEY, -90).days(3).build();

        assertEquals("traffic-loss", top(outage).ruleId());
    }

    @Test
    void checkoutFailureWhenConversionAndRevenueFallWithVisitsSteady() {
        AnomalyEvent event = Events.on("shop-03").steady("sessions", COUNT, 1)
                .flagged("conversion_rate", RATIO, -80).flagged("revenue", MONEY, -78).days(2).build();

        Recommendation rec = top(event);

        assertEquals("checkout-failure", rec.ruleId());
        assertTrue(rec.rationale().startsWith("conversion_rate -80 % for 2 days while sessions +1 %"),
                rec.rationale());
    }

    @Test
    void trafficSurgeWhenVisitsRiseAndConversionHolds() {
        AnomalyEvent event = Events.on("shop-10").flagged("sessions", COUNT, 140)
                .steady("conversion_rate", RATIO, -3).flagged("revenue", MONEY, 120).days(2).build();

        Recommendation rec = top(event);

        assertEquals("traffic-surge", rec.ruleId());
        assertTrue(rec.rationale().startsWith("sessions +140 % for 2 days while conversion_rate"
                + " held within its noise (-3 %)"), rec.rationale());
    }

    @Test
    void orderValueOutlierWhenOnlyRevenueJumpsForADay() {
        AnomalyEvent event = Events.on("shop-04").steady("sessions", COUNT, 2)
                .steady("conversion_rate", RATIO, 1).flagged("revenue", MONEY, 250).days(1).build();

        Recommendation rec = top(event);

        assertEquals("order-value-outlier", rec.ruleId());
        assertTrue(rec.rationale().startsWith("revenue +250 % on 2026-03-02 while sessions and"
                + " conversion_rate held"), rec.rationale());
    }

    @Test
    void conversionSurgeWhenConversionJumps() {
        AnomalyEvent event = Events.on("shop-05").steady("sessions", COUNT, 4)
                .flagged("conversion_rate", RATIO, 140).flagged("revenue", MONEY, 60).days(2).build();

        assertEquals("conversion-surge", top(event).ruleId());
        assertEquals("Conversion surge (pricing or promotion error)", top(event).diagnosis());
    }

    @Test
    void sustainedLevelShiftWhenAModestMoveLastsTwoWeeks() {
        AnomalyEvent event = Events.on("shop-06").flagged("sessions", COUNT, 25)
                .steady("conversion_rate", RATIO, 0).flagged("revenue", MONEY, 22).days(14).build();

        Recommendation rec = top(event);

        assertEquals("level-shift", rec.ruleId());
        assertTrue(rec.rationale().contains("for 14 days since 2026-03-02"), rec.rationale());
    }

    @Test
    void marketWideWhenMostSitesMoveTogetherEvenIfItLooksLikeTrafficLoss() {
        AnomalyEvent event = Events.on("shop-07").flagged("sessions", COUNT, -45)
                .steady("conversion_rate", RATIO, 0).flagged("revenue", MONEY, -44)
                .sharedWith(41).days(1).build();

        List<Recommendation> recs = agent.recommend(event, List.of(event));

        assertEquals("market-wide", recs.get(0).ruleId());
        assertTrue(recs.get(0).rationale().startsWith("41 sites moved together from 2026-03-02"),
                recs.get(0).rationale());
        // The site-level rules say "not shared", so traffic loss is not offered as well.
        assertFalse(recs.stream().anyMatch(r -> r.ruleId().equals("traffic-loss")));
    }

    @Test
    void unexplainedWhenNothingFits() {
        AnomalyEvent event = Events.on("shop-08").flagged("sessions", COUNT, 18)
                .steady("conversion_rate", RATIO, 3).steady("revenue", MONEY, 5).days(1).build();

        List<Recommendation> recs = agent.recommend(event, List.of(event));

        assertEquals(1, recs.size());
        assertEquals("unexplained", recs.get(0).ruleId());
        assertEquals("Unexplained", recs.get(0).diagnosis());
    }

    @Test
    void everyMatchingRuleIsOfferedFirstMatchOnTop() {
        // Traffic down for ten days: traffic loss, and also a level shift.
        AnomalyEvent event = Events.on("shop-09").flagged("sessions", COUNT, -50)
                .steady("conversion_rate", RATIO, 1).flagged("revenue", MONEY, -48).days(10).build();

        List<String> rules = agent.recommend(event, List.of()).stream()
                .map(Recommendation::ruleId).toList();

        assertEquals(List.of("traffic-loss", "level-shift"), rules);
    }

    @Test
    void kpisAreMatchedByRoleNotByName() {
        // An app's export: other names, an extra count KPI, same roles.
        AnomalyEvent event = Events.on("app-1").flagged("visits", COUNT, -60)
                .flagged("orders", COUNT, -58).steady("cr", RATIO, 1).flagged("gmv", MONEY, -57)
                .days(2).build();

        Recommendation rec = top(event);

        assertEquals("traffic-loss", rec.ruleId());
        assertTrue(rec.rationale().startsWith("visits -60 % for 2 days while cr held"), rec.rationale());
    }

    @Test
    void everyDiagnosisTheIssueAsksForIsInTheShippedPlaybook() {
        List<String> diagnoses = Playbook.shipped().rules().stream().map(PlaybookRule::diagnosis).toList();

        for (String wanted : new String[] {"Traffic loss", "Bot or low-quality traffic",
            "Checkout or funnel failure", "Order-value outlier", "Conversion surge",
            "Sustained level shift", "Market-wide event", "Unexplained"}) {
            assertTrue(diagnoses.stream().anyMatch(d -> d.startsWith(wanted)), wanted);
        }
    }
}
