package com.analyticscopilot.agent;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claims of {@link FeedbackRanking}'s documentation, checked on the numbers. */
class FeedbackRankingTest {

    private static FeedbackRanking.Estimate estimate(String action, int position, ActionTally... t) {
        return FeedbackRanking.estimate(action, "s", position, 4, List.of(t));
    }

    @Test
    void priorFollowsThePlaybookOrder() {
        assertEquals(0.65, FeedbackRanking.prior(0, 4), 1e-12);
        assertEquals(0.35, FeedbackRanking.prior(3, 4), 1e-12);
        assertEquals(0.65, estimate("a", 0).score(), 1e-12);
        assertEquals("", estimate("a", 0).reason());
    }

    @Test
    void oneRejectionMovesTheFirstActionBelowTheSecond() {
        double rejectedFirst = estimate("a", 0, new ActionTally("a", "s", 0, 1)).score();

        assertTrue(rejectedFirst < estimate("b", 1).score());
    }

    @Test
    void twoAcceptancesLiftTheLastActionToTheTop() {
        double acceptedLast = estimate("d", 3, new ActionTally("d", "s", 2, 0)).score();

        assertTrue(acceptedLast > estimate("a", 0).score());
    }

    @Test
    void ownSiteWeighsLikeThePoolAfterTwoClicks() {
        // Pool says 0 of 100, the site says 2 of 2: the site's mean (1) and the pool's (about
        // 0.01) meet halfway.
        FeedbackRanking.Estimate e = estimate("a", 0, new ActionTally("a", "other", 0, 100),
                new ActionTally("a", "s", 2, 0));

        double pooled = (2 * 0.65) / (2 + 100);
        assertEquals((pooled + 1) / 2, e.score(), 1e-12);
        assertEquals("accepted 2 of 2 times on this site; rejected 100 of 100 times on other sites"
                + " with this diagnosis (estimated acceptance 51 %)", e.reason());
    }

    @Test
    void otherActionsTalliesAreIgnored() {
        assertEquals(0.65, estimate("a", 0, new ActionTally("b", "s", 0, 9)).score(), 1e-12);
    }
}
