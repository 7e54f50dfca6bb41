package com.analyticscopilot.app.service;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.forecast.ForecastSettings;
import com.analyticscopilot.forecast.ForecastTrainer;
import com.analyticscopilot.forecast.LstmForecaster;
import com.analyticscopilot.forecast.ResidualScorer;
import com.analyticscopilot.forecast.TrainingCancelledException;
import com.analyticscopilot.forecast.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Training through the forecast part's {@link ForecastTrainer}. A finished model is also saved
 * to {@code models/} in the user's data folder, so a long pretraining is not lost with the window.
 */
public final class LstmTrainingService implements TrainingService {

    private static final Logger LOG = LoggerFactory.getLogger(LstmTrainingService.class);

    private final ForecastSettings settings;
    private final SampleData samples;
    private final Path modelFolder;

    /**
     * @param settings    network and training settings
     * @param samples     where the shipped base model is
     * @param modelFolder where finished models are saved; {@code null} to keep them in memory only
     */
    public LstmTrainingService(ForecastSettings settings, SampleData samples, Path modelFolder) {
        this.settings = settings;
        this.samples = samples;
        this.modelFolder = modelFolder;
    }

    @Override
    public ResidualScorer pretrain(Dataset dataset, TrainingListener listener,
            BooleanSupplier cancel) {
        try {
            LstmForecaster model = ForecastTrainer.pretrain(dataset, settings, listener, cancel);
            save(model, "pretrained.zip");
            return model;
        } catch (TrainingCancelledException e) {
            throw cancelled(e);
        }
    }

    @Override
    public ResidualScorer fineTune(ResidualScorer base, Dataset dataset, String site,
            TrainingListener listener,
                                   BooleanSupplier cancel) {
        if (!(base instanceof LstmForecaster lstm)) {
            throw new IllegalArgumentException(
                    "fine-tuning needs an LSTM model; the current model is "
                    + base.getClass().getSimpleName());
        }
        try {
            LstmForecaster model = ForecastTrainer.fineTune(lstm, dataset, site, settings, listener,
                    cancel);
            save(model, "finetuned-" + site.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip");
            return model;
        } catch (TrainingCancelledException e) {
            throw cancelled(e);
        }
    }

    @Override
    public Optional<ResidualScorer> loadBaseModel() {
        Optional<Path> file = samples.baseModel();
        if (file.isEmpty()) {
            LOG.info("No shipped base model (sample-data/models/base.zip);"
                    + " detection starts with STL only");
            return Optional.empty();
        }
        LOG.info("Loading the base model {}", file.get());
        return Optional.of(LstmForecaster.load(file.get()));
    }

    private void save(LstmForecaster model, String name) {
        if (modelFolder == null) {
            return;
        }
        try {
            Files.createDirectories(modelFolder);
            model.save(modelFolder.resolve(name));
            LOG.info("Saved the trained model to {}", modelFolder.resolve(name));
        } catch (IOException | RuntimeException e) {
            // The model is still used in this session; only the copy on disk is missing.
            LOG.warn("Could not save the trained model to {}: {}", modelFolder.resolve(name),
                    e.toString());
        }
    }

    private static CancellationException cancelled(TrainingCancelledException e) {
        CancellationException c = new CancellationException("training cancelled after "
                + e.completedEpochs() + " epoch(s)");
        c.initCause(e);
        return c;
    }
}
