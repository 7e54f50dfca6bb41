package com.analyticscopilot.forecast;

/**
 * A training run was cancelled through its cancel flag. Thrown instead of returning a
 * half-trained model, so a caller can never save one by mistake; the run's progress so far was
 * already reported to its {@link TrainingListener}.
 */
public final class TrainingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int completedEpochs;

    public TrainingCancelledException(int completedEpochs) {
        super("training cancelled after " + completedEpochs + " complete epoch(s)");
        this.completedEpochs = completedEpochs;
    }

    /** Epochs fully finished before the cancel was seen. */
    public int completedEpochs() {
        return completedEpochs;
    }
}
