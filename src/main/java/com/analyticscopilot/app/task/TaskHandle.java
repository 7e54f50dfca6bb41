package com.analyticscopilot.app.task;

/** A running {@link BackgroundTask} as its starter sees it. */
public interface TaskHandle {

    /** Asks the task to stop; it stops at its next check of {@code isCancelled()}. */
    void cancel();

    /** True until the task has succeeded, failed or stopped after a cancel. */
    boolean isRunning();
}
