package com.analyticscopilot.app.task;

/**
 * Runs the application's background work: loading, detection, training, export. One instance
 * per application, so there is one place that names the threads, logs failures and shuts down.
 */
public interface TaskExecutor {

    /** Starts the task; its callbacks run on the UI thread. */
    <V> TaskHandle execute(BackgroundTask<V> task);

    /** Cancels what is running and stops taking work. */
    void shutdown();
}
