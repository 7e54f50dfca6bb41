package com.analyticscopilot.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class NabOnsetsTest {

    @Test
    void onlyTheFirstStepOfEachFlaggedRunAlerts() {
        boolean[] flags = {true, true, false, false, true, false, true, true, true};

        boolean[] onsets = NabBenchmark.onsets(flags);

        assertArrayEquals(new boolean[] {true, false, false, false, true, false, true, false,
                false}, onsets);
    }
}
