package com.analyticscopilot.app.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs each task to the end in the calling thread, callbacks included. For tests of view models
 * without a JavaFX toolkit, where the order of events must be exact.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentThreadTaskExecutor.class);

    @Override
    public <V> TaskHandle execute(BackgroundTask<V> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        TaskHandle handle = new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isRunning() {
                return running.get();
            }
        };
        TaskProgress progress = new TaskProgress() {
            @Override
            public void update(double done, double total, String message) {
                task.progressed(new BackgroundTask.ProgressUpdate(done, total, message));
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };

        V value;
        try {
            value = task.runWork(progress);
        } catch (Exception | Error e) {
            running.set(false);
            if (cancelled.get()) {
                task.cancelled();
            } else {
                LOG.error("'{}' failed", task.title(), e);
                task.failed(e);
            }
            return handle;
        }

        running.set(false);
        if (cancelled.get()) {
            task.cancelled();
        } else {
            task.succeeded(value);
        }
        return handle;
    }

    @Override
    public void shutdown() {
        // Nothing runs in the background.
    }
}
