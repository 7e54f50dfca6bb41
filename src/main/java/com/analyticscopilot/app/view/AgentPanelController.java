package com.analyticscopilot.app.view;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.FeedbackEntry;
import com.analyticscopilot.app.viewmodel.AgentViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Binds the agent panel to its {@link AgentViewModel}; no logic of its own. */
public final class AgentPanelController {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final AgentViewModel model;
    private final UiText text;

    @FXML
    private Label headline;
    @FXML
    private Label diagnosis;
    @FXML
    private Label rationale;
    @FXML
    private ListView<AgentViewModel.ActionItem> actionList;
    @FXML
    private Label ranking;
    @FXML
    private TextField noteField;
    @FXML
    private Button acceptButton;
    @FXML
    private Button rejectButton;
    @FXML
    private Button notAnomalyButton;
    @FXML
    private ListView<FeedbackEntry> historyList;

    public AgentPanelController(AgentViewModel model, UiText text) {
        this.model = model;
        this.text = text;
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(model.headlineProperty());
        diagnosis.textProperty().bind(model.diagnosisProperty());
        rationale.textProperty().bind(model.rationaleProperty());
        ranking.textProperty().bind(model.rankingProperty());
        noteField.textProperty().bindBidirectional(model.noteProperty());

        actionList.setItems(model.actions());
        actionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AgentViewModel.ActionItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setTooltip(empty || item == null || item.action().reason().isBlank() ? null
                        : new Tooltip(item.action().reason()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });

        // The list's selection drives the model; the model's choice (the top action) shows in it.
        actionList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedActionProperty().set(now);
            }
        });
        model.selectedActionProperty().addListener((obs, old, now) -> {
            if (now != actionList.getSelectionModel().getSelectedItem()) {
                actionList.getSelectionModel().select(now);
            }
        });
        if (model.selectedActionProperty().get() != null) {
            actionList.getSelectionModel().select(model.selectedActionProperty().get());
        }

        acceptButton.disableProperty().bind(model.canAnswerBinding().not());
        rejectButton.disableProperty().bind(model.canAnswerBinding().not());
        notAnomalyButton.disableProperty().bind(model.canAnswerBinding().not());

        historyList.setItems(model.history());
        historyList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(FeedbackEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setText(null);
                    return;
                }
                String verdict = text.get("feedback." + entry.answer().state().name());
                setText(text.get("agent.history.row", WHEN.format(entry.time()), entry.eventId(),
                        verdict,
                        entry.actionId() + (entry.note().isBlank() ? "" : " \u2014 "
                                + entry.note())));
            }
        });
    }

    @FXML
    private void accept() {
        model.accept();
    }

    @FXML
    private void reject() {
        model.reject();
    }

    @FXML
    private void notAnomaly() {
        model.notAnomaly();
    }
}
