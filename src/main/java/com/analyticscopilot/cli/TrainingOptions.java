package com.analyticscopilot.cli;

import com.analyticscopilot.forecast.ForecastSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Training options shared by {@code pretrain} and {@code finetune}; an option not given keeps
 * the {@link ForecastSettings} default.
 */
final class TrainingOptions {

    @Option(names = "--epochs", paramLabel = "N",
            description = "Most epochs to train; early stopping may end sooner (default 60).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed for weights and batch order; same seed, same model (default 42).")
    Long seed;

    @Option(names = "--batch", paramLabel = "N", description = "Windows per batch (default 128).")
    Integer batch;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Adam's learning rate (default 0.002 for pretrain, 0.0002 for"
                    + " finetune).")
    Double learningRate;

    @Option(names = "--patience", paramLabel = "N",
            description = "Epochs without a better validation loss before stopping (default 6).")
    Integer patience;

    @Option(names = "--validation-fraction", paramLabel = "F",
            description = "Last share of each site's history held out (default 0.2).")
    Double validationFraction;

    /** The settings, or a usage error naming the bad option. */
    ForecastSettings.Builder apply(ForecastSettings.Builder b, boolean fineTune) {
        if (epochs != null) {
            b.maxEpochs(epochs);
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (batch != null) {
            b.batchSize(batch);
        }
        if (learningRate != null) {
            if (fineTune) {
                b.fineTuneLearningRate(learningRate);
            } else {
                b.learningRate(learningRate);
            }
        }
        if (patience != null) {
            b.patience(patience);
        }
        if (validationFraction != null) {
            b.validationFraction(validationFraction);
        }
        return b;
    }

    static ForecastSettings build(ForecastSettings.Builder b, CommandLine cli) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
