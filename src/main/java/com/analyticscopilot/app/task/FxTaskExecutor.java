package com.analyticscopilot.app.task;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's executor: every {@link BackgroundTask} becomes a JavaFX {@link Task} run on
 * a small pool of named daemon threads, so an unfinished task never keeps the JVM alive after
 * the last window closed. Failures are logged here once, with their stack trace, before the
 * task's own failure handler shows something a person can act on.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    /**
     * Three workers: a training run can take one for minutes while loading and detection still
     * get a thread each; more would only compete for the two cores a laptop gives us.
     */
    private static final int THREADS = 3;

    private final ExecutorService pool;
    /** Set by {@link #shutdown()}: work interrupted by closing the window has not failed. */
    private volatile boolean closing;

    public FxTaskExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "copilot-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught in {}", t.getName(),
                    e));
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(THREADS, threads);
    }

    @Override
    public <V> TaskHandle execute(BackgroundTask<V> task) {
        FxTask<V> fxTask = new FxTask<>(task);
        fxTask.setOnSucceeded(e -> task.succeeded(fxTask.getValue()));
        fxTask.setOnCancelled(e -> task.cancelled());
        fxTask.setOnFailed(e -> {
            Throwable failure = fxTask.getException();
            if (closing) {
                LOG.debug("'{}' stopped by shutdown: {}", task.title(), String.valueOf(failure));
                return;
            }
            if (fxTask.cancelRequested.get()) {
                // A task that throws because it was told to stop has not failed.
                LOG.info("'{}' stopped after a cancel: {}", task.title(), String.valueOf(failure));
                task.cancelled();
                return;
            }
            LOG.error("'{}' failed", task.title(), failure);
            task.failed(failure);
        });
        LOG.debug("Starting '{}'", task.title());
        pool.execute(fxTask);
        return new TaskHandle() {
            @Override
            public void cancel() {
                fxTask.requestCancel();
            }

            @Override
            public boolean isRunning() {
                return fxTask.isUnfinished();
            }
        };
    }

    @Override
    public void shutdown() {
        closing = true;
        pool.shutdownNow();
    }

    /** The JavaFX task around a background task, with coalesced progress updates. */
    private static final class FxTask<V> extends Task<V> {

        private final BackgroundTask<V> task;
        private final AtomicBoolean cancelRequested = new AtomicBoolean();
        private final AtomicReference<BackgroundTask.ProgressUpdate> pending =
                new AtomicReference<>();

        FxTask(BackgroundTask<V> task) {
            this.task = task;
            updateTitle(task.title());
        }

        @Override
        protected V call() throws Exception {
            TaskProgress progress = new TaskProgress() {
                @Override
                public void update(double done, double total, String message) {
                    updateProgress(done, total);
                    updateMessage(message);

                    // Only the newest update matters; one pending runLater carries it.
                    BackgroundTask.ProgressUpdate update =
                            new BackgroundTask.ProgressUpdate(done, total, message);
                    if (pending.getAndSet(update) == null) {
                        Platform.runLater(() -> task.progressed(pending.getAndSet(null)));
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancelRequested.get() || FxTask.this.isCancelled();
                }
            };
            V value = task.runWork(progress);
            if (cancelRequested.get()) {
                // Finished its step after the cancel; report it as stopped, not succeeded.
                throw new java.util.concurrent.CancellationException(task.title()
                        + " was cancelled");
            }
            return value;
        }

        void requestCancel() {
            // Not Task.cancel(): that would interrupt a worker in the middle of SQLite or
            // native training code; the work checks the flag between its steps instead.
            cancelRequested.set(true);
        }

        boolean isUnfinished() {
            Worker.State state = getState();
            return state != Worker.State.SUCCEEDED && state != Worker.State.FAILED
                    && state != Worker.State.CANCELLED;
        }
    }
}
