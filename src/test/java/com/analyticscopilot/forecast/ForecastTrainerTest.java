package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.SiteSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastTrainerTest {

    private static Dataset data;
    private static LstmForecaster tinyModel;

    @BeforeAll
    static void trainOnce() {
        data = ForecastTestData.weekly(4, 90, 11);
        tinyModel = ForecastTrainer.pretrain(data, ForecastTestData.tiny(), TrainingListener.NONE,
                () -> false);
    }

    @Test
    void listenerHearsEveryEpochAndLossesAreKept() {
        List<EpochProgress> epochs = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochProgress progress) {
                epochs.add(progress);
            }

            @Override
            public void onBatch(int epoch, int batch, int total) {
                batches.incrementAndGet();
            }
        };
        LstmForecaster model = ForecastTrainer.pretrain(data, ForecastTestData.tiny(), listener,
                () -> false);

        assertEquals(3, epochs.size());
        assertEquals(3, model.trainLoss().length);
        assertEquals(3, model.validationLoss().length);
        // 4 sites x (72 training steps - window 7) = 260 windows, 9 batches of 32 per epoch.
        assertEquals(3 * 9, batches.get());
        for (int e = 0; e < 3; e++) {
            assertEquals(e + 1, epochs.get(e).epoch());
            assertEquals(model.trainLoss()[e], epochs.get(e).trainLoss());
            assertEquals(model.validationLoss()[e], epochs.get(e).validationLoss());
            assertTrue(epochs.get(e).validationLoss() > 0);
        }
        assertTrue(epochs.get(2).remaining().isZero());
        assertTrue(model.bestEpoch() >= 1 && model.bestEpoch() <= 3);
    }

    @Test
    void sameSeedGivesTheSameModel() {
        LstmForecaster again = ForecastTrainer.pretrain(data, ForecastTestData.tiny(),
                TrainingListener.NONE, () -> false);
        assertArrayEquals(tinyModel.trainLoss(), again.trainLoss());
        assertArrayEquals(tinyModel.validationLoss(), again.validationLoss());

        SiteSeries site = data.sites().get(1);
        assertArrayEquals(tinyModel.score(data, site).forecast(),
                again.score(data, site).forecast());

        LstmForecaster otherSeed = ForecastTrainer.pretrain(data,
                ForecastTestData.tiny().toBuilder().seed(8).build(), TrainingListener.NONE,
                () -> false);
        assertNotEquals(tinyModel.trainLoss()[0], otherSeed.trainLoss()[0]);
    }

    @Test
    void cancellingStopsBetweenBatches() {
        AtomicInteger batches = new AtomicInteger();
        TrainingListener counting = new TrainingListener() {
            @Override
            public void onEpoch(EpochProgress progress) {
            }

            @Override
            public void onBatch(int epoch, int batch, int total) {
                batches.incrementAndGet();
            }
        };
        TrainingCancelledException e = assertThrows(TrainingCancelledException.class,
                () -> ForecastTrainer.pretrain(data, ForecastTestData.tiny(), counting,
                        () -> batches.get() >= 12));
        assertEquals(12, batches.get());
        assertEquals(1, e.completedEpochs());
    }

    @Test
    void learnsAWeeklySeriesBetterThanTheMeanAndSeasonalNaive() {
        ForecastSettings settings = ForecastSettings.builder().layers(1).hiddenSize(16).window(14)
                .batchSize(32).maxEpochs(25).patience(25).learningRate(1e-2).seed(3).build();
        LstmForecaster model = ForecastTrainer.pretrain(data, settings, TrainingListener.NONE,
                () -> false);

        // A mean forecast on the scaled scale is about 0, so its MSE is the targets' variance,
        // around 1 for robustly scaled data; the weekly rhythm is most of that variance.
        for (String site : data.siteIds()) {
            ForecastError lstm = ForecastEvaluation.validationError(model, data, site);
            double meanForecastError = meanForecastError(site, settings);
            assertTrue(lstm.overall() < 0.5 * meanForecastError,
                    site + ": LSTM " + lstm.overall() + " vs mean " + meanForecastError);
        }
        assertTrue(model.validationLoss()[model.bestEpoch() - 1]
                < model.validationLoss()[0]);
    }

    private static double meanForecastError(String siteId, ForecastSettings settings) {
        SiteSeries site = data.site(siteId).orElseThrow();
        SiteScaler scaler = ForecastTrainer.fitScaler(data.kpis(), site, settings);
        Windows w = Windows.forTraining(data.kpis(), Calendar.DAY_OF_WEEK, List.of(site),
                List.of(scaler), settings.window(), settings.validationFraction());
        int[] train = w.indices(false);
        int[] val = w.indices(true);
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            double mean = 0;
            for (int i : train) {
                mean += w.targets[i * 3 + k] / train.length;
            }
            for (int i : val) {
                double e = w.targets[i * 3 + k] - mean;
                sum += e * e;
            }
        }
        return sum / (3.0 * val.length);
    }

    @Test
    void scoresAreNaNBeforeTheFirstWindowAndForecastsAreOnTheKpiScale() {
        SiteSeries site = data.sites().get(0);
        NeuralScores scores = tinyModel.score(data, site);

        assertEquals(3, scores.forecast().length);
        assertEquals(site.length(), scores.forecast()[0].length);
        for (int k = 0; k < 3; k++) {
            for (int t = 0; t < 7; t++) {
                assertTrue(Double.isNaN(scores.forecast()[k][t]));
                assertTrue(Double.isNaN(scores.score()[k][t]));
            }
            for (int t = 7; t < site.length(); t++) {
                assertFalse(Double.isNaN(scores.score()[k][t]));
            }
        }
        // Sessions forecasts are in the hundreds to thousands, like the data; within a factor 2.
        double observed = site.value(0, 50);
        double forecast = scores.forecast()[0][50];
        assertTrue(forecast > observed / 2 && forecast < observed * 2,
                "forecast " + forecast + " vs observed " + observed);
    }

    @Test
    void aMissingInputGivesNoForecastAndAMissingTargetNoScore() {
        Dataset holed = ForecastTestData.withMissing(data, 1, 40);
        NeuralScores scores = tinyModel.score(holed, holed.sites().get(0));

        assertFalse(Double.isNaN(scores.forecast()[1][40]));
        assertTrue(Double.isNaN(scores.score()[1][40]));
        for (int t = 41; t <= 47; t++) {
            assertTrue(Double.isNaN(scores.forecast()[0][t]), "step " + t);
        }
        assertFalse(Double.isNaN(scores.forecast()[0][48]));
    }

    @Test
    void anUnseenSiteIsScaledOnItsOwnHistory() {
        Dataset other = ForecastTestData.weekly(1, 90, 99);
        NeuralScores scores = tinyModel.score(other, other.sites().get(0));
        double observed = other.sites().get(0).value(0, 60);
        double forecast = scores.forecast()[0][60];
        assertTrue(forecast > observed / 2 && forecast < observed * 2);
    }

    @Test
    void scoreIsTheResidualOverTheValidationSpread() {
        SiteSeries site = data.sites().get(2);
        NeuralScores scores = tinyModel.score(data, site);
        SiteScaler scaler = tinyModel.scalerFor(site);
        double observedScaled = scaler.scale(data.kpis().get(2), 2, site.value(2, 60));
        double forecastScaled = (Math.log1p(scores.forecast()[2][60]) - scaler.center()[2])
                / scaler.scale()[2];
        assertEquals((observedScaled - forecastScaled) / tinyModel.residualSpread()[2],
                scores.score()[2][60], 1e-4);
    }

    @Test
    void fineTuningWithAFrozenFirstLayerKeepsItsWeights() {
        Dataset twoLayerData = ForecastTestData.weekly(3, 70, 5);
        ForecastSettings twoLayers = ForecastTestData.tiny().toBuilder().layers(2).maxEpochs(1)
                .build();
        LstmForecaster base = ForecastTrainer.pretrain(twoLayerData, twoLayers,
                TrainingListener.NONE, () -> false);
        LstmForecaster tuned = ForecastTrainer.fineTune(base, twoLayerData, "site-2",
                twoLayers.toBuilder().freezeFirstLayer(true).maxEpochs(2).patience(5)
                        .fineTuneLearningRate(1e-2).build(),
                TrainingListener.NONE, () -> false);

        assertEquals(base.network().getLayer(0).params(), tuned.network().getLayer(0).params());
        assertNotEquals(base.network().getLayer(1).params(),
                tuned.network().getLayer(1).params());
        assertEquals("site-2", tuned.fineTunedSite().orElseThrow());
        assertEquals(java.util.Set.of("site-2"), tuned.sites());
        assertTrue(base.fineTunedSite().isEmpty());
    }

    @Test
    void smallTrainingSetsGetSeveralBatchesAnEpoch() {
        assertEquals(128, TrainingLoop.effectiveBatch(128, 6600));
        assertEquals(15, TrainingLoop.effectiveBatch(128, 115));
        assertEquals(8, TrainingLoop.effectiveBatch(128, 20));
        assertEquals(5, TrainingLoop.effectiveBatch(5, 20));
    }

    @Test
    void freezingTheOnlyLayerIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ForecastTrainer.fineTune(tinyModel, data, "site-1",
                        ForecastTestData.tiny().toBuilder().freezeFirstLayer(true).build(),
                        TrainingListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("2 or more LSTM layers"), e.getMessage());
    }

    @Test
    void fineTuningAnUnknownSiteNamesTheSites() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ForecastTrainer.fineTune(tinyModel, data, "nowhere",
                        ForecastTestData.tiny(), TrainingListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("no site 'nowhere'"), e.getMessage());
        assertTrue(e.getMessage().contains("site-1"), e.getMessage());
    }

    @Test
    void dataTooShortForAWindowIsABadInput() {
        Dataset tiny = ForecastTestData.weekly(2, 8, 1);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ForecastTrainer.pretrain(tiny, ForecastTestData.tiny(),
                        TrainingListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("window"), e.getMessage());
    }

    @Test
    void fingerprintFollowsTheData() {
        assertEquals(64, ForecastTrainer.fingerprint(data).length());
        assertEquals(ForecastTrainer.fingerprint(data), tinyModel.dataFingerprint());
        assertNotEquals(ForecastTrainer.fingerprint(data),
                ForecastTrainer.fingerprint(ForecastTestData.withMissing(data, 0, 3)));
    }

    @Test
    void settingsNameTheBadSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForecastSettings.builder().window(1).build());
        assertEquals("window must be between 2 and 1000 steps, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ForecastSettings.builder().validationFraction(0).build());
        assertTrue(e.getMessage().startsWith("validation fraction"));
        assertEquals(14, ForecastSettings.defaults().window());
    }
}
