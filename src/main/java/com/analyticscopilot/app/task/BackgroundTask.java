package com.analyticscopilot.app.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of work for the {@link TaskExecutor}: the work itself, which runs off the JavaFX
 * thread, and what to do with its outcome, which runs on it. Keeping the callbacks here rather
 * than on a {@code javafx.concurrent.Task} lets view models be tested with a same-thread executor
 * and no JavaFX toolkit.
 *
 * @param <V> what the work produces
 */
public abstract class BackgroundTask<V> {

    private final String title;
    private Consumer<? super V> onSuccess = value -> { };
    private Consumer<Throwable> onFailure = failure -> { };
    private Runnable onCancelled = () -> { };
    private Consumer<ProgressUpdate> onProgress = update -> { };

    /** @param title what the task does, in a few words, for the status bar and the log */
    protected BackgroundTask(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** The work. Runs on a worker thread; checks {@code progress.isCancelled()} in its loops. */
    protected abstract V call(TaskProgress progress) throws Exception;

    public String title() {
        return title;
    }

    /** Called with the result on the UI thread. */
    public BackgroundTask<V> onSuccess(Consumer<? super V> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /** Called with the failure on the UI thread; the executor has logged it already. */
    public BackgroundTask<V> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI thread when the task stopped because it was cancelled. */
    public BackgroundTask<V> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI thread with progress updates; updates may be coalesced. */
    public BackgroundTask<V> onProgress(Consumer<ProgressUpdate> handler) {
        this.onProgress = Objects.requireNonNull(handler);
        return this;
    }

    void succeeded(V value) {
        onSuccess.accept(value);
    }

    void failed(Throwable failure) {
        onFailure.accept(failure);
    }

    void cancelled() {
        onCancelled.run();
    }

    void progressed(ProgressUpdate update) {
        onProgress.accept(update);
    }

    /** Runs the work. For executors; public so a task can also be driven by hand in a test. */
    public V runWork(TaskProgress progress) throws Exception {
        return call(progress);
    }

    /**
     * One progress report.
     *
     * @param done    units done
     * @param total   units in all; the fraction is {@code done / total}
     * @param message a line for the status bar; may be empty
     */
    public record ProgressUpdate(double done, double total, String message) {

        /** The fraction done in [0, 1], or -1 (indeterminate) when the total is unknown. */
        public double fraction() {
            return total > 0 ? Math.max(0, Math.min(1, done / total)) : -1;
        }
    }
}
