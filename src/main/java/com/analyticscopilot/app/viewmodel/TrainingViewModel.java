package com.analyticscopilot.app.viewmodel;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.ErrorPresenter;
import com.analyticscopilot.app.service.ErrorReport;
import com.analyticscopilot.app.service.LoadedData;
import com.analyticscopilot.app.service.TrainingService;
import com.analyticscopilot.app.task.BackgroundTask;
import com.analyticscopilot.app.task.TaskExecutor;
import com.analyticscopilot.app.task.TaskHandle;
import com.analyticscopilot.app.task.TaskProgress;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.forecast.EpochProgress;
import com.analyticscopilot.forecast.ResidualScorer;
import com.analyticscopilot.forecast.TrainingListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pretraining and fine-tuning the neural forecaster in the background: progress, the loss of
 * every epoch for the chart, and Cancel. A finished model goes straight to
 * {@link MainViewModel#useModel}, so detection uses it at once.
 */
public final class TrainingViewModel {

    private final MainViewModel main;
    private final TrainingService training;
    private final TaskExecutor executor;
    private final ErrorPresenter errors;
    private final UiText text;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastEpoch = new ReadOnlyStringWrapper("");
    private final ObservableList<EpochProgress> epochs = FXCollections.observableArrayList();
    private final BooleanBinding canPretrain;
    private final BooleanBinding canFineTune;

    private TaskHandle handle;
    /** Set by Cancel; the trainer polls it between batches (also before the handle exists). */
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    public TrainingViewModel(MainViewModel main, TrainingService training, TaskExecutor executor,
                             ErrorPresenter errors, UiText text) {
        this.main = Objects.requireNonNull(main, "main");
        this.training = Objects.requireNonNull(training, "training");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.text = Objects.requireNonNull(text, "text");
        message.set(text.get("training.idle"));

        canPretrain = Bindings.createBooleanBinding(
                () -> !running.get() && main.loadedProperty().get() != null,
                running, main.loadedProperty());
        canFineTune = Bindings.createBooleanBinding(
                () -> canPretrain.get() && main.modelProperty().get() != null
                        && main.selectedSiteProperty().get() != null,
                canPretrain, main.modelProperty(), main.selectedSiteProperty());
    }

    /** Loads the shipped base model in the background, if there is one. */
    public void loadBaseModel() {
        BackgroundTask<Optional<ResidualScorer>> task = new BackgroundTask<>(
                "Loading the base model") {
            @Override
            protected Optional<ResidualScorer> call(TaskProgress p) throws Exception {
                return training.loadBaseModel();
            }
        };
        task.onSuccess(model -> model.ifPresent(m -> {
            if (main.modelProperty().get() == null) {
                main.useModel(m, "base.zip");
            }
        }));
        task.onFailure(failure -> errors.show(ErrorReport.of("Loading the shipped base model",
                failure)));
        executor.execute(task);
    }

    /** Pretrains on every site of the open data. */
    public void pretrain() {
        LoadedData data = main.loadedProperty().get();
        if (!canPretrain.get() || data == null) {
            return;
        }
        Dataset dataset = data.dataset();
        String name = text.get("training.pretrain");
        start(name, (listener, cancel) -> training.pretrain(dataset, listener, cancel),
                "pretrained on " + dataset.siteCount() + " sites");
    }

    /** Fine-tunes the current model on the selected site. */
    public void fineTune() {
        LoadedData data = main.loadedProperty().get();
        ResidualScorer base = main.modelProperty().get();
        String site = main.selectedSiteProperty().get();
        if (!canFineTune.get() || data == null) {
            if (base == null) {
                main.setStatus(text.get("training.needsBase"));
            }
            return;
        }
        Dataset dataset = data.dataset();
        String name = text.get("training.finetune") + " \u2014 " + site;
        start(name, (listener, cancel) -> training.fineTune(base, dataset, site, listener, cancel),
                "fine-tuned on " + site);
    }

    /** Asks the running training to stop after its current batch. */
    public void cancel() {
        if (running.get()) {
            cancelRequested.set(true);
            if (handle != null) {
                handle.cancel();
            }
        }
    }

    @FunctionalInterface
    private interface Run {
        ResidualScorer train(TrainingListener listener,
                java.util.function.BooleanSupplier cancel) throws Exception;
    }

    private void start(String name, Run run, String modelName) {
        epochs.clear();
        lastEpoch.set("");
        cancelRequested.set(false);
        running.set(true);
        progress.set(-1);
        runName.set(name);
        message.set(text.get("training.started", name));

        // Epochs go through a queue: progress updates may be merged, epochs must not be lost.
        Queue<EpochProgress> finished = new ConcurrentLinkedQueue<>();
        AtomicInteger epochsDone = new AtomicInteger();
        AtomicInteger maxEpochs = new AtomicInteger();
        BackgroundTask<ResidualScorer> task = new BackgroundTask<>(name) {
            @Override
            protected ResidualScorer call(TaskProgress p) throws Exception {
                TrainingListener listener = new TrainingListener() {
                    @Override
                    public void onEpoch(EpochProgress epoch) {
                        finished.add(epoch);
                        epochsDone.set(epoch.epoch());
                        maxEpochs.set(epoch.maxEpochs());
                        p.update(epoch.epoch(), epoch.maxEpochs(), describe(epoch));
                    }

                    @Override
                    public void onBatch(int epoch, int batch, int batches) {
                        // Until the first epoch ends the number of epochs is unknown: the bar
                        // then shows the first epoch's batches, afterwards the whole run.
                        int max = maxEpochs.get();
                        String where = text.get("training.batch", epoch, batch, batches);
                        if (max > 0) {
                            p.update(epoch - 1 + batch / (double) batches, max, where);
                        } else {
                            p.update(batch, batches, where);
                        }
                    }
                };
                return run.train(listener, () -> cancelRequested.get() || p.isCancelled());
            }
        };
        task.onProgress(update -> {
            drain(finished);
            progress.set(update.fraction());
            if (!update.message().isEmpty()) {
                message.set(update.message());
            }
            if (!epochs.isEmpty()) {
                lastEpoch.set(describe(epochs.get(epochs.size() - 1)));
            }
        });
        Runnable cancelled = () -> {
            drain(finished);
            running.set(false);
            progress.set(0);
            message.set(text.get("training.cancelled", name));
        };
        task.onSuccess(model -> {
            if (cancelRequested.get()) {
                // The trainer returned early because of the cancel: its model is unfinished.
                cancelled.run();
                return;
            }
            drain(finished);
            running.set(false);
            progress.set(1);
            message.set(text.get("training.done", name, epochsDone.get()));
            main.useModel(model, modelName);
        });
        task.onCancelled(cancelled);
        task.onFailure(failure -> {
            if (cancelRequested.get()) {
                // The trainer stops a cancelled run by throwing; that is no failure.
                cancelled.run();
                return;
            }
            drain(finished);
            running.set(false);
            progress.set(0);
            message.set(text.get("training.idle"));
            errors.show(ErrorReport.of(name, failure));
        });
        handle = executor.execute(task);
    }

    private void drain(Queue<EpochProgress> finished) {
        for (EpochProgress epoch = finished.poll(); epoch != null; epoch = finished.poll()) {
            epochs.add(epoch);
        }
    }

    private String describe(EpochProgress epoch) {
        return text.get("training.epoch", epoch.epoch(), epoch.maxEpochs(),
                String.format(Locale.ROOT, "%.4f", epoch.trainLoss()),
                Double.isNaN(epoch.validationLoss()) ? "\u2013"
                        : String.format(Locale.ROOT, "%.4f", epoch.validationLoss()),
                epoch.remaining() == null ? "?" : epoch.remaining().toSeconds());
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction done in [0, 1], or -1 while the amount of work is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The losses of the last finished epoch, in words; empty before the first. */
    public ReadOnlyStringProperty lastEpochProperty() {
        return lastEpoch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runNameProperty() {
        return runName.getReadOnlyProperty();
    }

    /** Every finished epoch of the current or last run, in order. */
    public ObservableList<EpochProgress> epochs() {
        return epochs;
    }

    public BooleanBinding canPretrainBinding() {
        return canPretrain;
    }

    public BooleanBinding canFineTuneBinding() {
        return canFineTune;
    }
}
