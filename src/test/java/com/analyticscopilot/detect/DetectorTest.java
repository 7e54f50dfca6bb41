package com.analyticscopilot.detect;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.forecast.ResidualScorer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectorTest {

    private static final int DAYS = 140;

    private static Detector stl() {
        return new Detector(DetectionSettings.defaults(), null, ThresholdAdjustments.NONE);
    }

    @Test
    void cleanSitesRaiseAlmostNothing() {
        Dataset data = KpiFixtures.dataset(KpiFixtures.cleanSites(12, DAYS, 100));

        DetectionResult result = stl().detect(data);

        // 12 sites x 140 days x 3 KPIs = 5,040 points of pure noise; a handful of flags at most.
        assertTrue(result.points().size() <= 5, "flags on clean data: " + result.points());
        assertEquals(DetectionMethod.STL, result.method());
    }

    @Test
    void aSessionDropIsOneEventWithEveryKpisMove() {
        List<SiteSeries> sites = new ArrayList<>(KpiFixtures.cleanSites(6, DAYS, 7));
        double[][] v = KpiFixtures.site(99, DAYS, 5000, 0.03);
        for (int t = 80; t < 83; t++) {
            v[0][t] *= 0.4;
            v[2][t] *= 0.4;
        }
        v[1][50] = Double.NaN;
        sites.add(KpiFixtures.series("shop", v));
        Dataset data = KpiFixtures.dataset(sites);

        DetectionResult result = stl().detect(data);

        List<AnomalyEvent> shop = result.events().stream()
                .filter(e -> e.site().equals("shop")).toList();
        assertEquals(1, shop.size(), shop.toString());
        AnomalyEvent e = shop.get(0);
        assertEquals("shop/2025-03-27", e.id());
        assertEquals(3, e.steps());
        assertEquals(3, e.moves().size());
        KpiMove sessions = e.moves().get(0);
        KpiMove conversion = e.moves().get(1);
        assertEquals(-1, sessions.direction());
        assertTrue(sessions.flagged());
        assertEquals(-0.6, sessions.relativeChange(), 0.1);
        assertFalse(conversion.flagged(), "conversion held steady");
        assertTrue(e.impact() > 0, "revenue was lost: " + e.impact());
        assertTrue(e.severity().compareTo(Severity.HIGH) >= 0, e.severity().toString());
        AnomalyPoint p = e.points().get(0);
        assertEquals(p.value() - p.expected(), p.deviation());
        assertTrue(p.expected() > p.value() * 2, "expected near the usual level: " + p);

        SeriesScores conv = result.series("shop", "conversion_rate").orElseThrow();
        assertTrue(Double.isNaN(conv.observed(50)));
        assertFalse(conv.flagged(50), "a missing value is never flagged");
        assertFalse(Double.isNaN(conv.expected(50)), "the fit bridges the gap");
    }

    /**
     * Six clean sites and a small shop (200 sessions a day: counting noise alone is 7 % a day)
     * whose traffic rises by a quarter for good on day 100.
     */
    private static Dataset shopWithALastingRise() {
        List<SiteSeries> sites = new ArrayList<>(KpiFixtures.cleanSites(6, DAYS, 7));
        double[][] v = KpiFixtures.site(42, DAYS, 200, 0.03);
        for (int t = 100; t < DAYS; t++) {
            v[0][t] = Math.round(v[0][t] * 1.25);
        }
        sites.add(KpiFixtures.series("shop", v));
        return KpiFixtures.dataset(sites);
    }

    @Test
    void theOrdinaryDriftIgnoresAShiftAndMissingSteps() {
        double[] trend = new double[100];
        for (int t = 0; t < 100; t++) {
            // Growth of 0.002 a step, and a shift of 0.3 spread over steps 50-59 by the trend.
            trend[t] = 0.002 * t + (t >= 60 ? 0.3 : t >= 50 ? 0.03 * (t - 50) : 0);
        }
        trend[20] = Double.NaN;
        assertEquals(0.002, Detector.ordinarySlope(trend), 1e-12);
        assertEquals(0.0, Detector.ordinarySlope(new double[] {5}));
        assertEquals(0.0, Detector.ordinarySlope(new double[] {Double.NaN, Double.NaN}));
    }

    @Test
    void aLastingLevelShiftIsFoundOnItsFirstDayByTheScan() {
        // The robust trend takes the shop's new level in, so the point score alone never gets
        // near the threshold.
        Dataset data = shopWithALastingRise();

        DetectionResult without = new Detector(DetectionSettings.defaults().withLevelShifts(false),
                null, ThresholdAdjustments.NONE).detect(data);
        DetectionResult with = stl().detect(data);

        assertTrue(without.events().stream().noneMatch(e -> e.site().equals("shop")),
                "the point score alone: " + without.events());
        List<AnomalyEvent> shop = with.events().stream()
                .filter(e -> e.site().equals("shop")).toList();
        assertEquals(1, shop.size(), shop.toString());
        AnomalyPoint first = shop.get(0).points().get(0);
        assertEquals("sessions", first.kpi());
        assertTrue(Math.abs(first.index() - 100) <= 1, "dated " + first.index());
        assertTrue(first.stlScore() >= DetectionSettings.DEFAULT_THRESHOLD, first.toString());
        assertEquals(1, shop.get(0).moves().get(0).direction());
    }

    @Test
    void inTheHybridBothViewsScanForTheShiftAndCorroborateEachOther() {
        // The same small shop and shift, with a seasonal-naive forecaster (the mean of the last
        // two weeks' same weekday) as the second view: it lags the new level for two weeks, a
        // run of errors of one sign that its own scan sees as a change of level.
        Dataset data = shopWithALastingRise();
        DetectionSettings hybrid = DetectionSettings.defaults().withMethod(DetectionMethod.HYBRID);

        DetectionResult without = new Detector(hybrid.withLevelShifts(false),
                new SeasonalNaiveScorer(2), ThresholdAdjustments.NONE).detect(data);
        DetectionResult with = new Detector(hybrid, new SeasonalNaiveScorer(2),
                ThresholdAdjustments.NONE).detect(data);

        SeriesScores plain = without.series("shop", "sessions").orElseThrow();
        SeriesScores scanned = with.series("shop", "sessions").orElseThrow();
        int at = -1;
        for (int t = 95; t < 106; t++) {
            assertFalse(plain.flagged(t), "without the scan, step " + t);
            if (scanned.flagged(t) && at < 0) {
                at = t;
            }
        }
        assertTrue(Math.abs(at - 100) <= 1, "flagged first at " + at);
        assertTrue(scanned.stlScore(at) >= DetectionSettings.DEFAULT_THRESHOLD,
                "STL's scan: " + scanned.stlScore(at));
        assertTrue(scanned.score(at) <= Math.max(Math.abs(scanned.stlScore(at)),
                Math.abs(scanned.lstmScore(at))) + 1e-12, "never above the stronger view");

        // The neural view on its own: its scan puts a finding within a day of the shift, well
        // above the point error on that day.
        DetectionSettings neural = DetectionSettings.defaults().withMethod(DetectionMethod.LSTM);
        SeriesScores pointOnly = new Detector(neural.withLevelShifts(false),
                new SeasonalNaiveScorer(2), ThresholdAdjustments.NONE).detect(data)
                .series("shop", "sessions").orElseThrow();
        SeriesScores withScan = new Detector(neural, new SeasonalNaiveScorer(2),
                ThresholdAdjustments.NONE).detect(data).series("shop", "sessions").orElseThrow();
        boolean found = false;
        for (int t = 99; t <= 101; t++) {
            found |= withScan.lstmScore(t) >= 3 && withScan.lstmScore(t)
                    > pointOnly.lstmScore(t) + 1;
        }
        assertTrue(found, "the forecaster's scan finds the run of errors after the shift");
    }

    @Test
    void aCancelledRunStopsEarlyAndAnUncancelledOneIsUnchanged() {
        Dataset data = KpiFixtures.dataset(KpiFixtures.cleanSites(40, DAYS, 5));
        AtomicInteger scored = new AtomicInteger();
        SeasonalNaiveScorer naive = new SeasonalNaiveScorer(2);
        ResidualScorer counting = (dataset, site) -> {
            scored.incrementAndGet();
            return naive.score(dataset, site);
        };
        AtomicInteger asked = new AtomicInteger();
        Detector detector = new Detector(DetectionSettings.defaults(), counting,
                ThresholdAdjustments.NONE);

        assertThrows(CancellationException.class,
                () -> detector.detect(data, () -> asked.incrementAndGet() > 3));
        assertTrue(scored.get() <= 3, "sites scored after the cancel: " + scored.get());

        DetectionResult plain = detector.detect(data);
        DetectionResult watched = detector.detect(data, () -> false);
        assertEquals(plain.points(), watched.points());
    }

    @Test
    void aConversionRateFromFewSessionsNeedsABiggerMove() {
        // The same relative jump of the conversion rate (x1.8 on one day) on a small and a
        // large site: counting noise alone explains it at 100 sessions, not at 20,000.
        double[][] small = KpiFixtures.site(5, DAYS, 100, 0.03);
        double[][] large = KpiFixtures.site(6, DAYS, 20_000, 0.03);
        small[1][90] = 0.03 * 1.8;
        large[1][90] = 0.03 * 1.8;
        Dataset data = KpiFixtures.dataset(List.of(KpiFixtures.series("small", small),
                KpiFixtures.series("large", large)));

        DetectionResult result = stl().detect(data);

        SeriesScores s = result.series("small", "conversion_rate").orElseThrow();
        SeriesScores l = result.series("large", "conversion_rate").orElseThrow();
        assertFalse(s.flagged(90), "small site score " + s.score(90));
        assertTrue(l.flagged(90), "large site score " + l.score(90));
    }

    @Test
    void mostSitesMovingTogetherIsOneSharedEvent() {
        List<SiteSeries> sites = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double[][] v = KpiFixtures.site(300 + i, DAYS, 3000, 0.03);
            if (i < 8) {
                v[0][100] *= 0.3;
                v[2][100] *= 0.3;
            }
            sites.add(KpiFixtures.series("site-" + i, v));
        }
        double[][] own = KpiFixtures.site(400, DAYS, 3000, 0.03);
        own[0][60] *= 3;
        // Site 0 has an incident of its own just before the shared day: it stays its own event.
        sites.set(0, KpiFixtures.series("site-0", withDrop(sites.get(0), 98, 99)));
        sites.add(KpiFixtures.series("own", own));

        DetectionResult result = stl().detect(KpiFixtures.dataset(sites));

        List<AnomalyEvent> shared = result.events().stream().filter(AnomalyEvent::shared).toList();
        assertEquals(1, shared.size(), result.events().toString());
        assertEquals(Detector.PORTFOLIO, shared.get(0).site());
        assertTrue(shared.get(0).sitesAffected() >= 8);
        assertTrue(result.events().stream().noneMatch(
                e -> !e.shared() && e.start().equals(KpiFixtures.START.plusDays(100)
                        .atStartOfDay())), "no separate site events on the shared day");
        assertTrue(result.events().stream().anyMatch(e -> e.site().equals("own")));
        AnomalyEvent shared0 = shared.get(0);
        assertEquals(KpiFixtures.START.plusDays(100).atStartOfDay(), shared0.start(),
                "the shared event covers the portfolio-wide day only");
        assertEquals(1, shared0.steps());
        assertTrue(result.events().stream().anyMatch(e -> e.site().equals("site-0")
                && !e.shared() && e.start().equals(KpiFixtures.START.plusDays(98)
                .atStartOfDay())), result.events().toString());
    }

    private static double[][] withDrop(SiteSeries s, int from, int to) {
        double[][] v = new double[s.kpiCount()][];
        for (int k = 0; k < v.length; k++) {
            v[k] = s.series(k);
        }
        for (int t = from; t <= to; t++) {
            v[0][t] *= 0.3;
            v[2][t] *= 0.3;
        }
        return v;
    }

    @Test
    void askingForHybridWithoutAModelFallsBackToStlAndSaysSo() {
        Dataset data = KpiFixtures.dataset(KpiFixtures.cleanSites(2, DAYS, 3));
        Detector d = new Detector(DetectionSettings.defaults().withMethod(DetectionMethod.HYBRID),
                null, ThresholdAdjustments.NONE);

        DetectionResult result = d.detect(data);

        assertEquals(DetectionMethod.STL, result.method());
        assertTrue(result.notes().get(0).contains("fell back to STL"), result.notes().toString());
        SeriesScores s = result.allSeries().get(0);
        assertTrue(Double.isNaN(s.lstmScore(100)));
    }

    @Test
    void withAScorerTheDefaultIsHybridAndBothViewsAreKept() {
        double[][] v = KpiFixtures.site(11, DAYS, 4000, 0.03);
        v[0][100] *= 2.5;
        Dataset data = KpiFixtures.dataset(List.of(KpiFixtures.series("a", v)));
        Detector d = new Detector(DetectionSettings.defaults(), new SeasonalNaiveScorer(2),
                ThresholdAdjustments.NONE);

        DetectionResult result = d.detect(data);

        assertEquals(DetectionMethod.HYBRID, result.method());
        SeriesScores s = result.series("a", "sessions").orElseThrow();
        assertTrue(s.flagged(100));
        assertFalse(Double.isNaN(s.stlScore(100)));
        assertFalse(Double.isNaN(s.lstmScore(100)));
        double rho = Fusion.correlation(s.stlScores(), s.lstmScores());
        assertEquals(Fusion.fuse(s.stlScore(100), s.lstmScore(100), rho), s.score(100), 1e-12);
    }

    @Test
    void whereTheNeuralViewHasNoScoreTheHybridIsTheStlScore() {
        double[][] v = KpiFixtures.site(12, DAYS, 4000, 0.03);
        // A drop in the scorer's first two weeks, before it has a full window of history.
        v[0][5] *= 0.3;
        Dataset data = KpiFixtures.dataset(List.of(KpiFixtures.series("a", v)));

        DetectionResult result = new Detector(DetectionSettings.defaults(),
                new SeasonalNaiveScorer(2), ThresholdAdjustments.NONE).detect(data);

        SeriesScores s = result.series("a", "sessions").orElseThrow();
        int missing = 0;
        for (int t = 0; t < s.length(); t++) {
            if (Double.isNaN(s.lstmScore(t))) {
                missing++;
                // Not diluted, not capped: the STL view's own judgement.
                assertEquals(s.stlScore(t), s.score(t), 0.0, "t = " + t);
            }
        }
        assertEquals(14, missing);
        assertTrue(s.flagged(5), "a 70 % drop on day 5 is flagged by STL alone");
    }

    @Test
    void sensitivityAndBoundedOffsetsMoveTheThreshold() {
        Dataset data = KpiFixtures.dataset(KpiFixtures.cleanSites(2, DAYS, 3));
        DetectionSettings base = DetectionSettings.defaults();
        ThresholdAdjustments huge = (site, kpi) -> site.equals("site-0") ? 50.0 : -50.0;

        DetectionResult result = new Detector(base.withSensitivity(2), null, huge).detect(data);

        double t0 = result.series("site-0", "sessions").orElseThrow().threshold();
        double t1 = result.series("site-1", "sessions").orElseThrow().threshold();
        assertEquals(base.threshold() / 2 + Detector.MAX_OFFSET_UP, t0, 1e-12);
        assertEquals(Math.max(Detector.MIN_THRESHOLD,
                base.threshold() / 2 - Detector.MAX_OFFSET_DOWN), t1, 1e-12);
    }

    @Test
    void oneThreadAndManyGiveTheSameResult() {
        Dataset data = KpiFixtures.dataset(KpiFixtures.cleanSites(8, DAYS, 21));
        DetectionResult one = new Detector(DetectionSettings.defaults().withThreads(1)
                .withThreshold(3), null, ThresholdAdjustments.NONE).detect(data);
        DetectionResult two = new Detector(DetectionSettings.defaults().withThreads(2)
                .withThreshold(3), null, ThresholdAdjustments.NONE).detect(data);

        assertEquals(one.events(), two.events());
        assertEquals(one.points(), two.points());
    }
}
