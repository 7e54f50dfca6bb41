package com.analyticscopilot.detect;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.detect.stl.KpiScale;
import com.analyticscopilot.detect.stl.StlScores;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {

    @Test
    void tailProbabilityAndItsInverseRoundTripFarIntoTheTail() {
        for (double z : new double[] {0.1, 1, 1.96, 3, 5, 8, 12, 25, 29.9, 30.1, 40, 100}) {
            double logP = Calibration.logTail(z);
            assertEquals(z, Calibration.zFromLogTail(logP), 1e-8 * z, "z = " + z);
        }
        assertEquals(Math.log(0.05), Calibration.logTail(1.959964), 1e-5);
        assertEquals(Calibration.logTail(-3), Calibration.logTail(3));
    }

    @Test
    void theTailExpansionJoinsTheExactFormulaSmoothly() {
        double below = Calibration.logTail(29.999999);
        double above = Calibration.logTail(30.000001);
        assertTrue(below > above && below - above < 1e-4, below + " vs " + above);
    }

    @Test
    void standardisedScoresOfNormalNoiseAreStandardNormal() {
        Random random = new Random(4);
        double[] scores = new double[20_000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 3 + 2.5 * random.nextGaussian();
        }

        double[] z = Calibration.standardise(scores);

        // Standard normal: 4.55 % beyond 2, 0.27 % beyond 3.
        assertEquals(0.0455, fractionBeyond(z, 2), 0.006);
        assertEquals(0.0027, fractionBeyond(z, 3), 0.0012);
    }

    @Test
    void stlScoresOnCleanKpisFollowTheIntendedDistribution() {
        Dataset data = KpiFixtures.dataset(KpiFixtures.cleanSites(20, 180, 50));

        DetectionResult result = new Detector(DetectionSettings.defaults(), null,
                ThresholdAdjustments.NONE).detect(data);

        // Pooled over 20 sites x 180 days x 3 KPIs: the calibrated scores should put about the
        // normal share beyond 2 (4.6 %) and 3 (0.27 %). Measured when written: 3.0 % and 0.47 %
        // (sessions 3.6 % / 0.44 %, conversion 3.8 % / 0.72 %: binomial tails of a few orders a
        // day are skewed; revenue 1.6 % / 0.25 %: the assumed order-value spread is wider than
        // this fixture's). We ask for the right order of magnitude.
        double[] all = result.allSeries().stream()
                .flatMapToDouble(s -> java.util.Arrays.stream(s.stlScores())).toArray();
        double beyond2 = fractionBeyond(all, 2);
        double beyond3 = fractionBeyond(all, 3);
        assertTrue(beyond2 > 0.02 && beyond2 < 0.07, "beyond 2: " + beyond2);
        assertTrue(beyond3 > 0.001 && beyond3 < 0.01, "beyond 3: " + beyond3);
    }

    @Test
    void neuralScoresOnCleanKpisAreCalibratedToo() {
        Dataset data = KpiFixtures.dataset(KpiFixtures.cleanSites(20, 180, 60));

        DetectionResult result = new Detector(DetectionSettings.defaults()
                .withMethod(DetectionMethod.LSTM), new SeasonalNaiveScorer(2),
                ThresholdAdjustments.NONE).detect(data);

        double[] all = result.allSeries().stream()
                .flatMapToDouble(s -> java.util.Arrays.stream(s.lstmScores())).toArray();
        double beyond2 = fractionBeyond(all, 2);
        assertTrue(beyond2 > 0.03 && beyond2 < 0.07, "beyond 2: " + beyond2);
    }

    @Test
    void forecastErrorsAreJudgedOnTheStlViewsScaleAndSpread() {
        // A small shop: 3 orders of 40 a day expected, log(x + 20) as its working scale (c is
        // half an order's value), spread 0.5 there. A day without any order is log(2 m + 1) =
        // log 7 below a day of m = 3 orders: 1.95 / 0.5 = 3.9 spreads, not the log1p distance
        // log(121) = 4.8 (9.6 spreads).
        double[] sigma = {0.5, 0.5, 0.5, Double.NaN};
        StlScores money = new StlScores(KpiScale.LOG1P, null, null, null, null, null, sigma);
        double[] observed = {0, 120, 240, 120};
        double[] forecast = {120, 120, 120, 120};

        double[] z = Calibration.onStlScale(observed, forecast, money, 20);

        assertEquals(-Math.log(140.0 / 20) / 0.5, z[0], 1e-12);
        assertEquals(0, z[1], 1e-12);
        assertEquals(Math.log(260.0 / 140) / 0.5, z[2], 1e-12);
        // No spread (a ratio on a day without volume): no judgement.
        assertTrue(Double.isNaN(z[3]));

        // A ratio stays on its own scale: 0.03 against 0.02 with spread 0.005 is 2 spreads.
        StlScores rate = new StlScores(KpiScale.RAW, null, null, null, null, null,
                new double[] {0.005});
        assertEquals(2, Calibration.onStlScale(new double[] {0.03}, new double[] {0.02}, rate,
                1)[0], 1e-12);
    }

    @Test
    void neuralScoresKeepTheNormalShareFarOutOnCleanKpis() {
        Dataset data = KpiFixtures.dataset(KpiFixtures.cleanSites(20, 180, 61));

        DetectionResult result = new Detector(DetectionSettings.defaults()
                .withMethod(DetectionMethod.LSTM), new SeasonalNaiveScorer(2),
                ThresholdAdjustments.NONE).detect(data);

        // The false-alarm rate at the default threshold is what calibration is for: on clean
        // data a standard-normal score passes 4.5 once in 150,000 points; ask for under 1 in
        // 2,000 (this fixture has no orderless days, so it checks the level, not the fix for
        // them: forecastErrorsAreJudgedOnTheStlViewsScaleAndSpread does).
        double[] all = result.allSeries().stream()
                .flatMapToDouble(s -> java.util.Arrays.stream(s.lstmScores())).toArray();
        double beyond3 = fractionBeyond(all, 3);
        assertTrue(beyond3 > 0.0005 && beyond3 < 0.015, "beyond 3: " + beyond3);
        assertTrue(fractionBeyond(all, DetectionSettings.DEFAULT_THRESHOLD) < 0.0005,
                "beyond 4.5: " + fractionBeyond(all, DetectionSettings.DEFAULT_THRESHOLD));
    }

    static double fractionBeyond(double[] z, double limit) {
        int count = 0;
        int total = 0;
        for (double v : z) {
            if (!Double.isNaN(v)) {
                total++;
                count += Math.abs(v) > limit ? 1 : 0;
            }
        }
        return (double) count / total;
    }
}
