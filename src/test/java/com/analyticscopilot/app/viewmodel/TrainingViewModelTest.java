package com.analyticscopilot.app.viewmodel;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.support.FakeDatasets;
import com.analyticscopilot.app.support.FakeTraining;
import com.analyticscopilot.app.support.RecordingErrors;
import com.analyticscopilot.app.support.TestServices;
import com.analyticscopilot.app.task.CurrentThreadTaskExecutor;
import com.analyticscopilot.forecast.EpochProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingViewModelTest {

    @TempDir
    Path home;

    private TestServices fakes;
    private MainViewModel main;
    private TrainingViewModel training;

    private void open(FakeTraining trainer) throws Exception {
        fakes = new TestServices(home, trainer);
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        RecordingErrors errors = new RecordingErrors();
        UiText text = UiText.load();
        main = new MainViewModel(fakes.services, executor, errors, WorkbenchPreferences.load(home),
                text);
        training = new TrainingViewModel(main, fakes.training, executor, errors, text);
        main.open(FakeDatasets.write(home.resolve("kpis.csv"), 3, 60));
    }

    @Test
    void pretrainingRecordsEveryEpochAndTheModelIsUsedAtOnce() throws Exception {
        open(new FakeTraining(4, 3, 0));
        assertTrue(training.canPretrainBinding().get());
        assertFalse(training.canFineTuneBinding().get(), "fine-tuning needs a model first");
        int runs = fakes.detection.runs;

        training.pretrain();

        assertEquals(4, training.epochs().size());
        assertEquals(0.0625, training.epochs().get(3).trainLoss(), 1e-12);
        assertEquals(1.0, training.progressProperty().get(), 1e-12);
        assertFalse(training.runningProperty().get());
        assertEquals(new FakeTraining.FakeModel("pretrained"), fakes.detection.lastScorer);
        assertEquals(runs + 1, fakes.detection.runs, "detection runs again with the new model");
        assertTrue(training.canFineTuneBinding().get());
    }

    @Test
    void fineTuningUsesTheSelectedSite() throws Exception {
        open(new FakeTraining(2, 1, 0));
        training.pretrain();
        main.selectedSiteProperty().set("site-02");

        training.fineTune();

        assertEquals("site-02", fakes.training.fineTunedSite);
        assertEquals(new FakeTraining.FakeModel("fine-tuned site-02"), fakes.detection.lastScorer);
    }

    @Test
    void cancellingKeepsThePreviousModel() throws Exception {
        open(new FakeTraining(5, 2, 0));
        // Cancel from inside the run, after the second epoch, as a click on Cancel would.
        training.epochs().addListener((javafx.collections.ListChangeListener<EpochProgress>) c -> {
            if (training.epochs().size() == 2) {
                training.cancel();
            }
        });

        training.pretrain();

        assertTrue(fakes.training.stoppedByCancel);
        assertNull(main.modelProperty().get(), "a cancelled run must not replace the model");
        assertFalse(training.runningProperty().get());
        assertTrue(training.messageProperty().get().contains("cancelled"));
    }
}
