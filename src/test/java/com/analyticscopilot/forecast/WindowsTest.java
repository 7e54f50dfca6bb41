package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.SiteSeries;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowsTest {

    private static final int DAYS = 60;
    private static final int WINDOW = 14;

    private static Windows windowsOf(Dataset data) {
        ForecastSettings settings = ForecastSettings.builder().window(WINDOW).build();
        List<SiteScaler> scalers = new ArrayList<>();
        for (SiteSeries s : data.sites()) {
            scalers.add(ForecastTrainer.fitScaler(data.kpis(), s, settings));
        }
        return Windows.forTraining(data.kpis(), Calendar.DAY_OF_WEEK, data.sites(), scalers,
                WINDOW, 0.2);
    }

    @Test
    void windowsHaveKpisPlusTwoCalendarFeaturesOverTheWindow() {
        Windows w = windowsOf(ForecastTestData.weekly(2, DAYS, 1));

        assertEquals(2 * (DAYS - WINDOW), w.size());
        assertEquals(3 + 2, w.featureCount);
        INDArray in = w.inputBatch(w.all(), 0, 5);
        assertArrayEquals(new long[] {5, 5, WINDOW}, in.shape());
        assertArrayEquals(new long[] {5, 3}, w.targetBatch(w.all(), 0, 5).shape());
    }

    @Test
    void targetIsTheStepAfterTheInputWindow() {
        Windows w = windowsOf(ForecastTestData.weekly(1, DAYS, 1));
        int stride = w.featureCount * WINDOW;

        // Window i's input at time j+1 equals window i+1's input at time j (sliding by one),
        // and window i's target equals window i+1's last input step.
        for (int f = 0; f < 3; f++) {
            for (int j = 0; j < WINDOW - 1; j++) {
                assertEquals(w.inputs[f * WINDOW + j + 1], w.inputs[stride + f * WINDOW + j]);
            }
            assertEquals(w.targets[f], w.inputs[stride + f * WINDOW + WINDOW - 1]);
        }
    }

    @Test
    void calendarFeaturesRepeatWeekly() {
        Windows w = windowsOf(ForecastTestData.weekly(1, DAYS, 1));
        int sinRow = 3 * WINDOW;
        assertEquals(w.inputs[sinRow], w.inputs[sinRow + 7], 1e-6);
        assertTrue(Math.abs(w.inputs[sinRow] - w.inputs[sinRow + 1]) > 0.1);
    }

    @Test
    void scalingIsRobustPerSiteOnTheTrainingPartAndInvertible() {
        Dataset data = ForecastTestData.weekly(1, DAYS, 3);
        SiteSeries site = data.sites().get(0);
        ForecastSettings settings = ForecastSettings.defaults();
        SiteScaler scaler = ForecastTrainer.fitScaler(data.kpis(), site, settings);
        int trainEnd = Windows.trainEnd(DAYS, 0.2);

        // Sessions: the log1p of the training part has median 0 after scaling.
        double[] z = new double[trainEnd];
        for (int t = 0; t < trainEnd; t++) {
            z[t] = scaler.scale(data.kpis().get(0), 0, site.value(0, t));
        }
        assertEquals(0, SiteScaler.median(z), 1e-9);
        assertEquals(Math.log1p(SiteScaler.median(site.series(0))), scaler.center()[0], 0.05);

        for (int k = 0; k < 3; k++) {
            double x = site.value(k, 10);
            double back = scaler.unscale(data.kpis().get(k), k, scaler.scale(data.kpis().get(k),
                    k, x));
            assertEquals(x, back, Math.abs(x) * 1e-9);
        }
    }

    @Test
    void robustSpreadFallsBackForFlatSeries() {
        assertEquals(1.0, SiteScaler.robustSpread(new double[] {2, 2, 2, 2}, 2));
        double[] normalish = {-1, -0.5, 0, 0.5, 1};
        assertEquals(SiteScaler.MAD_TO_SIGMA * 0.5, SiteScaler.robustSpread(normalish, 0), 1e-12);
    }

    @Test
    void chronologicalSplitHoldsOutTheLastFifthOfEachSite() {
        Windows w = windowsOf(ForecastTestData.weekly(3, DAYS, 1));
        int valStart = Windows.trainEnd(DAYS, 0.2);

        assertEquals(48, valStart);
        for (int i = 0; i < w.size(); i++) {
            assertEquals(w.targetStep[i] >= valStart, w.validation[i]);
        }
        assertEquals(3 * (DAYS - valStart), w.indices(true).length);
        assertEquals(3 * (valStart - WINDOW), w.indices(false).length);
    }

    @Test
    void windowsTouchingAMissingValueAreSkipped() {
        Dataset data = ForecastTestData.withMissing(ForecastTestData.weekly(1, DAYS, 1), 2, 30);
        Windows w = windowsOf(data);

        // Step 30 is the target of one window and the input of WINDOW others.
        assertEquals(DAYS - WINDOW - (WINDOW + 1), w.size());
        for (float v : w.inputs) {
            assertFalse(Float.isNaN(v));
        }
        for (float v : w.targets) {
            assertFalse(Float.isNaN(v));
        }
    }

    @Test
    void outliersAreClippedForTheNetwork() {
        Dataset data = ForecastTestData.weekly(1, DAYS, 1);
        SiteSeries s = data.sites().get(0);
        double[][] v = new double[3][];
        for (int k = 0; k < 3; k++) {
            v[k] = s.series(k);
        }
        v[2][20] = 0; // revenue collapses: far below the site's usual log level
        Dataset broken = new Dataset("x", data.kpis(), data.step(),
                List.of(new SiteSeries(s.site(), s.start(), s.step(), v)));
        Windows w = windowsOf(broken);
        float min = Float.MAX_VALUE;
        for (float t : w.targets) {
            min = Math.min(min, t);
        }
        assertEquals(-Windows.CLIP, min, 1e-6);
    }
}
