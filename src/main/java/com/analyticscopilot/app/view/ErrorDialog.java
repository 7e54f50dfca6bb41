package com.analyticscopilot.app.view;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.ErrorPresenter;
import com.analyticscopilot.app.service.ErrorReport;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * Shows an {@link ErrorReport} as a dialog: the summary in words, bad input's problems as a
 * list, and the causes behind a "Show details" toggle. Never a stack trace.
 */
public final class ErrorDialog implements ErrorPresenter {

    /** The dialog's style class, so tests can find it among windows. */
    public static final String STYLE_CLASS = "error-dialog";

    private final UiText text;
    private final Supplier<Window> owner;

    /** @param owner the window the dialog belongs to; may supply {@code null} */
    public ErrorDialog(UiText text, Supplier<Window> owner) {
        this.text = text;
        this.owner = owner;
    }

    @Override
    public void show(ErrorReport report) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.OK);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.setTitle(text.get("error.title"));
        alert.setHeaderText(text.get("error.header"));
        alert.getDialogPane().getStyleClass().add(STYLE_CLASS);

        Label summary = new Label(report.summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("error-summary");
        VBox content = new VBox(8, summary);
        if (!report.problems().isEmpty()) {
            ListView<String> problems = new ListView<>();
            problems.getItems().setAll(report.problems());
            problems.getStyleClass().add("error-problems");
            problems.setCellFactory(list -> new ListCell<>() {
                @Override
                protected void updateItem(String problem, boolean empty) {
                    super.updateItem(problem, empty);
                    setText(empty ? null : problem);
                    setWrapText(true);
                    setPrefWidth(0);
                }
            });
            // Room for about five wrapped problems; more scroll.
            problems.setPrefHeight(Math.min(260, 16 + 48.0 * report.problems().size()));
            VBox.setVgrow(problems, Priority.ALWAYS);
            content.getChildren().add(problems);
        }
        content.setPrefWidth(560);
        alert.getDialogPane().setContent(content);

        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(8);
        alert.getDialogPane().setExpandableContent(details);

        // Not showAndWait: a dialog raised from a task's callback must not nest an event loop
        // inside another's, and tests find the dialog while it is open.
        alert.show();
    }
}
