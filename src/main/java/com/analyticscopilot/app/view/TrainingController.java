package com.analyticscopilot.app.view;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.viewmodel.TrainingViewModel;
import com.analyticscopilot.forecast.EpochProgress;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** Binds the training pane to its {@link TrainingViewModel} and draws the loss curves. */
public final class TrainingController {

    private final TrainingViewModel model;
    private final UiText text;

    @FXML
    private Button pretrainButton;
    @FXML
    private Button fineTuneButton;
    @FXML
    private Button cancelButton;
    @FXML
    private Label runName;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label message;
    @FXML
    private Label lastEpoch;
    @FXML
    private LineChart<Number, Number> lossChart;
    @FXML
    private NumberAxis epochAxis;

    private final XYChart.Series<Number, Number> trainLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationLoss = new XYChart.Series<>();

    public TrainingController(TrainingViewModel model, UiText text) {
        this.model = model;
        this.text = text;
    }

    @FXML
    private void initialize() {
        pretrainButton.disableProperty().bind(model.canPretrainBinding().not());
        fineTuneButton.disableProperty().bind(model.canFineTuneBinding().not());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        runName.textProperty().bind(model.runNameProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        message.textProperty().bind(model.messageProperty());
        lastEpoch.textProperty().bind(model.lastEpochProperty());

        trainLoss.setName(text.get("training.loss.train"));
        validationLoss.setName(text.get("training.loss.validation"));
        lossChart.getData().add(trainLoss);
        lossChart.getData().add(validationLoss);
        model.epochs().addListener((ListChangeListener<EpochProgress>) change -> redraw());
        redraw();
    }

    private void redraw() {
        // Whole epochs only: a fixed axis from 1 with about ten labelled ticks.
        int last = Math.max(5, model.epochs().size());
        epochAxis.setAutoRanging(false);
        epochAxis.setLowerBound(1);
        epochAxis.setUpperBound(last);
        epochAxis.setTickUnit(Math.max(1, Math.ceil(last / 10.0)));
        epochAxis.setMinorTickVisible(false);

        trainLoss.getData().clear();
        validationLoss.getData().clear();
        for (EpochProgress epoch : model.epochs()) {
            trainLoss.getData().add(new XYChart.Data<>(epoch.epoch(), epoch.trainLoss()));
            if (!Double.isNaN(epoch.validationLoss())) {
                validationLoss.getData().add(new XYChart.Data<>(epoch.epoch(),
                        epoch.validationLoss()));
            }
        }
    }

    @FXML
    private void pretrain() {
        model.pretrain();
    }

    @FXML
    private void fineTune() {
        model.fineTune();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }
}
