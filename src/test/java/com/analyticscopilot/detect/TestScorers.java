package com.analyticscopilot.detect;

import com.analyticscopilot.forecast.ResidualScorer;

/** Test-code scorers, for use from other test packages. */
public final class TestScorers {

    private TestScorers() {
    }

    /** The seasonal-naive scorer averaging the last {@code cycles} periods. */
    public static ResidualScorer seasonalNaive(int cycles) {
        return new SeasonalNaiveScorer(cycles);
    }
}
