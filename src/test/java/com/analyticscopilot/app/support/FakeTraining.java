package com.analyticscopilot.app.support;

import com.analyticscopilot.app.service.TrainingService;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.forecast.EpochProgress;
import com.analyticscopilot.forecast.NeuralScores;
import com.analyticscopilot.forecast.ResidualScorer;
import com.analyticscopilot.forecast.TrainingListener;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A training run without a network: {@code epochs} epochs of {@code batches} batches, each
 * batch taking {@code batchMillis}, with a loss that halves every epoch. Stops between batches
 * when cancelled, as the real trainer does.
 */
public final class FakeTraining implements TrainingService {

    private final int epochs;
    private final int batches;
    private final long batchMillis;
    public volatile boolean stoppedByCancel;
    public volatile String fineTunedSite;

    public FakeTraining(int epochs, int batches, long batchMillis) {
        this.epochs = epochs;
        this.batches = batches;
        this.batchMillis = batchMillis;
    }

    /** The model the fake "trains": no forecasts, only proof of which run made it. */
    public record FakeModel(String origin) implements ResidualScorer {
        @Override
        public NeuralScores score(Dataset dataset, com.analyticscopilot.data.SiteSeries site) {
            double[][] nan = new double[dataset.kpis().size()][site.length()];
            for (double[] row : nan) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return new NeuralScores(nan, nan);
        }
    }

    @Override
    public ResidualScorer pretrain(Dataset dataset, TrainingListener listener,
            BooleanSupplier cancel) {
        return run("pretrained", listener, cancel);
    }

    @Override
    public ResidualScorer fineTune(ResidualScorer base, Dataset dataset, String site,
            TrainingListener listener,
                                   BooleanSupplier cancel) {
        fineTunedSite = site;
        return run("fine-tuned " + site, listener, cancel);
    }

    @Override
    public Optional<ResidualScorer> loadBaseModel() {
        return Optional.empty();
    }

    private ResidualScorer run(String origin, TrainingListener listener, BooleanSupplier cancel) {
        long start = System.nanoTime();
        double loss = 1;
        for (int e = 1; e <= epochs; e++) {
            for (int b = 1; b <= batches; b++) {
                if (cancel.getAsBoolean()) {
                    stoppedByCancel = true;
                    return new FakeModel("cancelled");
                }
                if (batchMillis > 0) {
                    try {
                        Thread.sleep(batchMillis);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return new FakeModel("interrupted");
                    }
                }
                listener.onBatch(e, b, batches);
            }
            loss /= 2;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            listener.onEpoch(new EpochProgress(e, epochs, loss, loss * 1.2, elapsed,
                    elapsed.dividedBy(e).multipliedBy(epochs - e)));
        }
        return new FakeModel(origin);
    }
}
