package com.analyticscopilot.forecast;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * One training run of a network over prepared windows: shuffled mini-batches, the validation
 * loss after every epoch, early stopping that keeps the weights of the best epoch.
 */
final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    /** Windows per forward pass when only predicting; memory, not accuracy, bounds it. */
    static final int PREDICT_BATCH = 2048;

    /** A validation loss must fall by this share to count as better (ignores float noise). */
    private static final double MIN_RELATIVE_IMPROVEMENT = 1e-4;

    private TrainingLoop() {
    }

    /** The losses of a run; {@code bestEpoch} is 1-based. */
    record History(double[] trainLoss, double[] validationLoss, int bestEpoch) {
    }

    /**
     * Trains {@code net} in place and leaves it holding the weights of the epoch with the lowest
     * validation loss (the lowest training loss when there is no validation window).
     *
     * @throws TrainingCancelledException when {@code cancel} turns true between two batches
     */
    static History run(MultiLayerNetwork net, Windows windows, ForecastSettings settings,
                       TrainingListener listener, BooleanSupplier cancel) {
        int[] train = windows.indices(false);
        int[] val = windows.indices(true);
        int batch = effectiveBatch(settings.batchSize(), train.length);
        int batches = (train.length + batch - 1) / batch;
        Random shuffle = new Random(settings.seed());
        double[] trainLoss = new double[settings.maxEpochs()];
        double[] valLoss = new double[settings.maxEpochs()];
        double best = Double.POSITIVE_INFINITY;
        INDArray bestParams = net.params().dup();
        int bestEpoch = 0;
        int sinceBest = 0;
        int epoch = 0;
        long startNanos = System.nanoTime();
        LOG.info("training on {} windows ({} for validation), {} batches of {} per epoch",
                train.length, val.length, batches, batch);

        while (epoch < settings.maxEpochs()) {
            // One epoch: every training window once, in a new random order.
            shuffleInPlace(train, shuffle);
            double sum = 0;
            for (int b = 0; b < batches; b++) {
                if (cancel.getAsBoolean()) {
                    LOG.info("training cancelled in epoch {}", epoch + 1);
                    throw new TrainingCancelledException(epoch);
                }
                int from = b * batch;
                int to = Math.min(train.length, from + batch);
                net.fit(new DataSet(windows.inputBatch(train, from, to),
                        windows.targetBatch(train, from, to)));
                sum += net.score() * (to - from);
                listener.onBatch(epoch + 1, b + 1, batches);
            }
            trainLoss[epoch] = sum / train.length;
            valLoss[epoch] = val.length == 0 ? Double.NaN : meanSquaredError(net, windows, val);
            epoch++;

            // Early stopping on the validation loss; keep the best weights seen.
            double monitored = val.length == 0 ? trainLoss[epoch - 1] : valLoss[epoch - 1];
            if (monitored < best * (1 - MIN_RELATIVE_IMPROVEMENT)) {
                best = monitored;
                bestParams = net.params().dup();
                bestEpoch = epoch;
                sinceBest = 0;
            } else {
                sinceBest++;
            }

            // Progress, with the time left estimated from the mean epoch so far.
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            Duration remaining = elapsed.dividedBy(epoch)
                    .multipliedBy(settings.maxEpochs() - epoch);
            LOG.debug("epoch {}: train loss {}, validation loss {}", epoch, trainLoss[epoch - 1],
                    valLoss[epoch - 1]);
            listener.onEpoch(new EpochProgress(epoch, settings.maxEpochs(), trainLoss[epoch - 1],
                    valLoss[epoch - 1], elapsed, remaining));
            if (sinceBest >= settings.patience()) {
                LOG.info("early stop after epoch {}: no better validation loss for {} epochs",
                        epoch, sinceBest);
                break;
            }
        }

        net.setParams(bestParams);
        return new History(Arrays.copyOf(trainLoss, epoch), Arrays.copyOf(valLoss, epoch),
                bestEpoch);
    }

    /**
     * The batch size actually used: the setting, but never more than an eighth of the training
     * windows (and not below 8), so one site's hundred-odd windows still give several gradient
     * steps an epoch when fine-tuning or training a single site. Pretraining on many sites is
     * far above that bound and uses the setting as is.
     */
    static int effectiveBatch(int setting, int trainWindows) {
        int eighth = (trainWindows + 7) / 8;
        return Math.max(1, Math.min(setting, Math.max(8, eighth)));
    }

    /** Predictions of the windows {@code idx}, scaled, {@code [window][kpi]}. */
    static float[][] predict(MultiLayerNetwork net, Windows windows, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int from = 0; from < idx.length; from += PREDICT_BATCH) {
            int to = Math.min(idx.length, from + PREDICT_BATCH);
            INDArray y;
            synchronized (net) {
                y = net.output(windows.inputBatch(idx, from, to), false);
            }
            float[][] rows = y.toFloatMatrix();
            System.arraycopy(rows, 0, out, from, to - from);
        }
        return out;
    }

    /** Mean over windows and KPIs of the squared error, on the scaled scale. */
    static double meanSquaredError(MultiLayerNetwork net, Windows windows, int[] idx) {
        float[][] pred = predict(net, windows, idx);
        double sum = 0;
        for (int i = 0; i < idx.length; i++) {
            for (int k = 0; k < windows.kpiCount; k++) {
                double e = pred[i][k] - windows.targets[idx[i] * windows.kpiCount + k];
                sum += e * e;
            }
        }
        return sum / ((double) idx.length * windows.kpiCount);
    }

    private static void shuffleInPlace(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
