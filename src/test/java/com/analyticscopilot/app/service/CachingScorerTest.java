package com.analyticscopilot.app.service;

import com.analyticscopilot.app.support.TestData;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.forecast.NeuralScores;
import com.analyticscopilot.forecast.ResidualScorer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachingScorerTest {

    @Test
    void eachSiteOfTheDataSetIsScoredOnceAndOtherDataGoesThrough() {
        Dataset data = TestData.dataset(3, 30, 1);
        Dataset other = TestData.dataset(3, 30, 2);
        AtomicInteger calls = new AtomicInteger();
        ResidualScorer model = (d, s) -> {
            calls.incrementAndGet();
            return new NeuralScores(new double[][]{{calls.get()}}, new double[][]{{0}});
        };
        CachingScorer cache = new CachingScorer(model, data);

        NeuralScores first = cache.score(data, data.sites().get(0));
        NeuralScores again = cache.score(data, data.sites().get(0));
        cache.score(data, data.sites().get(1));
        cache.score(other, other.sites().get(0));
        cache.score(other, other.sites().get(0));

        assertSame(first, again);
        assertEquals(4, calls.get(), "two sites once each, the other data set every time");
        assertTrue(cache.serves(model, data));
        assertTrue(!cache.serves(model, other));
    }
}
