package com.analyticscopilot.agent.playbook;

import com.analyticscopilot.agent.Events;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.AnomalyEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static com.analyticscopilot.data.KpiRole.COUNT;
import static com.analyticscopilot.data.KpiRole.MONEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Filling rationale templates from events. */
class RationaleTest {

    private final AnomalyEvent event = Events.on("shop-01").flagged("sessions", COUNT, -72.4)
            .steady("orders", COUNT, -1).flagged("revenue", MONEY, -70).days(3).impact(12_345.6)
            .build();

    @Test
    void roleNamesTheKpiThatMovedMostAndItsSignedPercent() {
        assertEquals("sessions -72 %", Rationale.render("{count}", event, TimeStep.DAILY));
        assertEquals("sessions / -72 %",
                Rationale.render("{count.name} / {count.change}", event, TimeStep.DAILY));
    }

    @Test
    void missingRoleIsSaidPlainly() {
        assertEquals("no ratio KPI", Rationale.render("{ratio}", event, TimeStep.DAILY));
    }

    @Test
    void durationFollowsTheTimeStepOrIsInferredFromTheEvent() {
        assertEquals("3 days", Rationale.render("{duration}", event, TimeStep.DAILY));
        assertEquals("3 hours", Rationale.render("{duration}", event, TimeStep.HOURLY));
        assertEquals("3 steps of 5 minutes",
                Rationale.render("{duration}", event, new TimeStep(Duration.ofMinutes(5))));
        // Without a step: three daily steps span two days.
        assertEquals("3 days", Rationale.render("{duration}", event, null));
    }

    @Test
    void movesImpactSitesAndUnknownsAreFilled() {
        String text = Rationale.render("{moves}; {impact}; {sites} site; {severity}; {start}; {x}",
                event, TimeStep.DAILY);

        assertEquals("sessions -72 %, revenue -70 %; 12,346 lost; 1 site; high; 2026-03-02; {x}",
                text);
        assertEquals("changed", Rationale.percent(Double.NaN));
        assertEquals(Set.of("x", "count.size"),
                Rationale.unknownPlaceholders("{x} {count.size} {count}"));
    }
}
