package com.analyticscopilot.app.service;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import com.analyticscopilot.forecast.EpochProgress;
import com.analyticscopilot.forecast.ForecastSettings;
import com.analyticscopilot.forecast.ResidualScorer;
import com.analyticscopilot.forecast.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workbench's view of the real LSTM trainer, on a tiny network and data set. */
class LstmTrainingServiceTest {

    @TempDir
    Path home;

    private static final ForecastSettings TINY = ForecastSettings.builder().layers(1).hiddenSize(8)
            .window(7)
            .batchSize(32).maxEpochs(2).patience(2).build();

    private static Dataset data() {
        return SyntheticKpis.generate(GeneratorSettings.defaults().withSites(3).withDays(70)
                .withSeed(5)).dataset();
    }

    @Test
    void aFinishedRunIsSavedAndReportsEveryEpoch() throws Exception {
        LstmTrainingService service = new LstmTrainingService(TINY, new SampleData(List.of(home)),
                home.resolve("models"));
        List<EpochProgress> epochs = new ArrayList<>();

        ResidualScorer model = service.pretrain(data(), epochs::add, () -> false);

        assertEquals(2, epochs.size());
        assertTrue(Files.isRegularFile(home.resolve("models/pretrained.zip")));
        Dataset data = data();
        assertEquals(3, model.score(data, data.sites().get(0)).score().length,
                "one score row per KPI");
    }

    @Test
    void aCancelledRunEndsInACancellation() {
        LstmTrainingService service = new LstmTrainingService(TINY, new SampleData(List.of(home)),
                null);

        assertThrows(CancellationException.class, () -> service.pretrain(data(),
                TrainingListener.NONE, () -> true));
    }

    @Test
    void theShippedBaseModelLoadsWhenPresentAndIsOptional() throws Exception {
        // Tests run in the project folder, where sample-data/models/base.zip is checked in.
        LstmTrainingService shipped = new LstmTrainingService(TINY, new SampleData(List.of(Path.of(
                "").toAbsolutePath())), null);
        LstmTrainingService none = new LstmTrainingService(TINY, new SampleData(List.of(home)),
                null);

        assertTrue(shipped.loadBaseModel().isPresent());
        assertTrue(none.loadBaseModel().isEmpty());
    }
}
