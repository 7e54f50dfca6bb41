package com.analyticscopilot.forecast;

import java.time.Duration;

/**
 * Where a training run stands after one epoch.
 *
 * @param epoch          1-based number of the epoch just finished
 * @param maxEpochs      the most epochs the run will take (early stopping may end it sooner)
 * @param trainLoss      mean training loss of the epoch
 * @param validationLoss loss on the validation part; {@code NaN} when there is none
 * @param elapsed        time since the run started
 * @param remaining      estimated time to {@code maxEpochs}
 */
public record EpochProgress(int epoch, int maxEpochs, double trainLoss, double validationLoss,
                            Duration elapsed, Duration remaining) {
}
