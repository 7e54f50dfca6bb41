package com.analyticscopilot.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeverityRuleTest {

    @Test
    void scoreSetsTheLevelAndTheSizeOfTheMoveBoundsIt() {
        assertEquals(Severity.LOW, SeverityRule.of(4.6, 4.5, -0.2));
        assertEquals(Severity.MEDIUM, SeverityRule.of(7, 4.5, -0.2));
        assertEquals(Severity.HIGH, SeverityRule.of(10, 4.5, 0.2));
        assertEquals(Severity.CRITICAL, SeverityRule.of(-20, 4.5, -0.2));
        assertEquals(Severity.MEDIUM, SeverityRule.of(-20, 4.5, -0.02), "tiny move capped");
        assertEquals(Severity.HIGH, SeverityRule.of(4.6, 4.5, -0.7), "half gone is high");
        assertEquals(Severity.LOW, SeverityRule.of(4.6, 4.5, Double.NaN));
    }
}
