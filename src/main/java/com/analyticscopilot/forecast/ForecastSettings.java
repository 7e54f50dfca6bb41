package com.analyticscopilot.forecast;

/**
 * How an LSTM forecaster is shaped and trained. Immutable; build one with {@link #builder()}.
 * Every value is checked when built, and an error names the setting and the value received.
 *
 * @param layers               stacked LSTM layers; 2 is enough for a week's rhythm plus trend
 * @param hiddenSize           units per LSTM layer
 * @param window               past steps the network reads to forecast the next one; 14 days
 *                             shows two full weeks, so every weekday is seen twice
 * @param batchSize            windows per gradient step
 * @param maxEpochs            upper bound on passes over the training windows
 * @param learningRate         Adam's step size when training from scratch (pretraining)
 * @param fineTuneLearningRate Adam's step size when fine-tuning; lower, so one site's few
 *                             windows adjust the pretrained weights instead of overwriting them
 * @param patience             epochs without a better validation loss before training stops
 * @param seed                 seeds weight initialisation and the shuffling of batches
 * @param validationFraction   the last share of each site's history held out for validation
 * @param freezeFirstLayer     when fine-tuning, keep the first LSTM layer's pretrained weights
 */
public record ForecastSettings(int layers, int hiddenSize, int window, int batchSize,
                               int maxEpochs, double learningRate, double fineTuneLearningRate,
                               int patience, long seed, double validationFraction,
                               boolean freezeFirstLayer) {

    public ForecastSettings {
        check(layers >= 1 && layers <= 4, "layers", "between 1 and 4", layers);
        check(hiddenSize >= 1 && hiddenSize <= 1024, "hidden size", "between 1 and 1024",
                hiddenSize);
        check(window >= 2 && window <= 1000, "window", "between 2 and 1000 steps", window);
        check(batchSize >= 1 && batchSize <= 100_000, "batch size", "between 1 and 100000",
                batchSize);
        check(maxEpochs >= 1 && maxEpochs <= 10_000, "epochs", "between 1 and 10000", maxEpochs);
        check(learningRate > 0 && learningRate < 1, "learning rate", "above 0 and below 1",
                learningRate);
        check(fineTuneLearningRate > 0 && fineTuneLearningRate < 1, "fine-tune learning rate",
                "above 0 and below 1", fineTuneLearningRate);
        check(patience >= 1, "patience", "at least 1 epoch", patience);
        check(validationFraction > 0 && validationFraction < 0.9, "validation fraction",
                "above 0 and below 0.9", validationFraction);
    }

    /** The defaults: see {@link Builder} for each value and why. */
    public static ForecastSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().layers(layers).hiddenSize(hiddenSize).window(window)
                .batchSize(batchSize).maxEpochs(maxEpochs).learningRate(learningRate)
                .fineTuneLearningRate(fineTuneLearningRate).patience(patience).seed(seed)
                .validationFraction(validationFraction).freezeFirstLayer(freezeFirstLayer);
    }

    private static void check(boolean ok, String setting, String expected, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(
                    setting + " must be " + expected + ", got " + value);
        }
    }

    /** Builds {@link ForecastSettings}; starts from the defaults. */
    public static final class Builder {

        private int layers = 2;
        private int hiddenSize = 64;
        private int window = 14;
        /*
         * 128 windows per batch: DL4J's cost per batch is mostly fixed overhead, so doubling the
         * batch from 64 nearly halves an epoch (docs/benchmarks.md); with the learning
         * rate raised to match, the model converges in about as many epochs.
         */
        private int batchSize = 128;
        private int maxEpochs = 60;
        private double learningRate = 2e-3;
        /* A tenth of the pretraining rate: fine-tuning nudges, it does not retrain. */
        private double fineTuneLearningRate = 2e-4;
        private int patience = 6;
        private long seed = 42;
        private double validationFraction = 0.2;
        private boolean freezeFirstLayer = false;

        public Builder layers(int v) {
            layers = v;
            return this;
        }

        public Builder hiddenSize(int v) {
            hiddenSize = v;
            return this;
        }

        public Builder window(int v) {
            window = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder maxEpochs(int v) {
            maxEpochs = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder fineTuneLearningRate(double v) {
            fineTuneLearningRate = v;
            return this;
        }

        public Builder patience(int v) {
            patience = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder validationFraction(double v) {
            validationFraction = v;
            return this;
        }

        public Builder freezeFirstLayer(boolean v) {
            freezeFirstLayer = v;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting out of range */
        public ForecastSettings build() {
            return new ForecastSettings(layers, hiddenSize, window, batchSize, maxEpochs,
                    learningRate, fineTuneLearningRate, patience, seed, validationFraction,
                    freezeFirstLayer);
        }
    }
}
