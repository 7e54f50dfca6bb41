package com.analyticscopilot.app.task;

/**
 * What a {@link BackgroundTask} uses, while it runs, to say how far it got and to learn whether
 * the user has cancelled it. Safe to call from the worker thread.
 */
public interface TaskProgress {

    /** A progress that goes nowhere and is never cancelled; for running a task's work inline. */
    TaskProgress NONE = new TaskProgress() {
        @Override
        public void update(double done, double total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports {@code done} out of {@code total} units of work, with a line for the status bar. */
    void update(double done, double total, String message);

    /** True once the user asked to stop; long work checks it in every loop. */
    boolean isCancelled();
}
