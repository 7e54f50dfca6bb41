package com.analyticscopilot.forecast;

/** Hears how a training run goes; called on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = progress -> { };

    /** Called after every epoch. */
    void onEpoch(EpochProgress progress);

    /** Called after every batch; for a finer progress bar. */
    default void onBatch(int epoch, int batch, int batches) {
    }
}
