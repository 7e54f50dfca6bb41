package com.analyticscopilot.app.viewmodel;

import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.AdvisorService;
import com.analyticscopilot.app.service.Answer;
import com.analyticscopilot.app.service.ErrorPresenter;
import com.analyticscopilot.app.service.ErrorReport;
import com.analyticscopilot.app.service.FeedbackEntry;
import com.analyticscopilot.app.task.BackgroundTask;
import com.analyticscopilot.app.task.TaskExecutor;
import com.analyticscopilot.app.task.TaskProgress;
import com.analyticscopilot.detect.AnomalyEvent;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The agent side panel: what the agent recommends for the selected anomaly and why, the
 * analyst's accept or reject with a note, and the feedback history of the site. Feedback is
 * stored by a background task through the {@link AdvisorService}; this class never sees the
 * database.
 */
public final class AgentViewModel {

    private final MainViewModel main;
    private final AdvisorService advisor;
    private final TaskExecutor executor;
    private final ErrorPresenter errors;
    private final UiText text;

    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diagnosis = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rationale = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ranking = new ReadOnlyStringWrapper("");
    private final ObservableList<ActionItem> actions = FXCollections.observableArrayList();
    private final ObjectProperty<ActionItem> selectedAction = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObservableList<FeedbackEntry> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canAnswer;

    /** Which history was asked for last; a slower, older answer is dropped. */
    private String historySite;

    public AgentViewModel(MainViewModel main, AdvisorService advisor, TaskExecutor executor,
                          ErrorPresenter errors, UiText text) {
        this.main = Objects.requireNonNull(main, "main");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.text = Objects.requireNonNull(text, "text");

        canAnswer = Bindings.createBooleanBinding(
                () -> main.selectedAnomalyProperty().get() != null && selectedAction.get() != null
                        && !saving.get(),
                main.selectedAnomalyProperty(), selectedAction, saving);

        main.selectedAnomalyProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || !old.id().equals(now.id())) {
                showEvent(now);
            }
        });
        main.selectedSiteProperty().addListener((obs, old, now) -> loadHistory(now));
        selectedAction.addListener((obs, old, now) -> explainRanking());
        showEvent(main.selectedAnomalyProperty().get());
    }

    /** Accepts the selected action for the selected anomaly. */
    public void accept() {
        answer(Answer.ACCEPT);
    }

    /** Rejects the selected action for the selected anomaly. */
    public void reject() {
        answer(Answer.REJECT);
    }

    /** Says the selected anomaly is not one; the agent raises the site's thresholds a little. */
    public void notAnomaly() {
        answer(Answer.NOT_ANOMALY);
    }

    private void answer(Answer answer) {
        AnomalyRow row = main.selectedAnomalyProperty().get();
        ActionItem item = selectedAction.get();
        if (row == null || item == null || saving.get()) {
            return;
        }
        AnomalyEvent event = row.event();
        List<AnomalyEvent> portfolio = main.allAnomalies().stream().map(AnomalyRow::event).toList();
        String noteText = note.get() == null ? "" : note.get().trim();
        saving.set(true);

        BackgroundTask<Answered> task = new BackgroundTask<>("Saving feedback") {
            @Override
            protected Answered call(TaskProgress progress) {
                FeedbackEntry entry = advisor.record(event, item.recommendation(), item.action(),
                        answer, noteText);

                // Feedback changes the ranking: ask again so the panel shows the new order.
                List<Recommendation> recs = advisor.recommend(event, portfolio);
                return new Answered(entry, recs, advisor.history(event.site()));
            }
        };
        task.onSuccess(answered -> {
            saving.set(false);
            note.set("");
            main.updateRecommendations(event.id(), answered.recommendations());
            main.feedbackGiven(event.id(), answer.state());
            if (event.site().equals(main.selectedSiteProperty().get())) {
                history.setAll(answered.history());
            }
            AnomalyRow current = main.selectedAnomalyProperty().get();
            if (current != null && current.id().equals(event.id())) {
                showEvent(current);
            }
            main.setStatus(text.get("agent.saved", text.get("feedback." + answer.state().name()),
                    item.action().action()));
        });
        task.onFailure(failure -> {
            saving.set(false);
            errors.show(ErrorReport.of("Saving your feedback", failure));
        });
        task.onCancelled(() -> saving.set(false));
        executor.execute(task);
    }

    private record Answered(FeedbackEntry entry, List<Recommendation> recommendations,
                            List<FeedbackEntry> history) {
    }

    private void showEvent(AnomalyRow row) {
        if (row == null) {
            headline.set(text.get("agent.none"));
            diagnosis.set("");
            rationale.set("");
            actions.clear();
            selectedAction.set(null);
            return;
        }

        AnomalyEvent event = row.event();
        String line = text.get("agent.event", event.site(), row.date(), event.steps(),
                event.severity().label());
        if (Double.isFinite(event.impact()) && Math.abs(event.impact()) >= 1) {
            // Impact is expected minus observed money: positive is money lost.
            String amount = String.format(java.util.Locale.ROOT, "%,.0f", Math.abs(event.impact()));
            line += " " + text.get(event.impact() > 0 ? "agent.impact.lost" : "agent.impact.gained",
                    amount);
        }
        headline.set(line);
        List<Recommendation> recs = main.recommendationsFor(event.id());
        diagnosis.set(recs.isEmpty() ? "" : recs.get(0).diagnosis());
        rationale.set(recs.isEmpty() ? "" : recs.get(0).rationale());

        List<ActionItem> items = new ArrayList<>();
        for (Recommendation rec : recs) {
            for (RankedAction action : rec.actions()) {
                items.add(new ActionItem(rec, action, recs.size() > 1));
            }
        }
        actions.setAll(items);
        selectedAction.set(items.isEmpty() ? null : items.get(0));
        explainRanking();
    }

    private void explainRanking() {
        List<String> reasons = new ArrayList<>();
        for (ActionItem item : actions) {
            if (!item.action().reason().isBlank()) {
                reasons.add(item.action().action() + ": " + item.action().reason());
            }
        }
        ranking.set(reasons.isEmpty() ? text.get("agent.ranking.playbook") : String.join("\n",
                reasons));
    }

    private void loadHistory(String site) {
        historySite = site;
        if (site == null) {
            history.clear();
            return;
        }
        BackgroundTask<List<FeedbackEntry>> task = new BackgroundTask<>(
                "Reading feedback history") {
            @Override
            protected List<FeedbackEntry> call(TaskProgress progress) {
                return advisor.history(site);
            }
        };
        task.onSuccess(entries -> {
            if (site.equals(historySite)) {
                history.setAll(entries);
            }
        });
        task.onFailure(failure -> errors.show(ErrorReport.of("Reading the feedback history",
                failure)));
        executor.execute(task);
    }

    /**
     * One action in the panel's list.
     *
     * @param recommendation the recommendation it belongs to
     * @param action         the action
     * @param showDiagnosis  whether to name the diagnosis (when several recommendations compete)
     */
    public record ActionItem(Recommendation recommendation, RankedAction action,
            boolean showDiagnosis) {

        @Override
        public String toString() {
            String label = String.format(java.util.Locale.ROOT, "%s  (%.2f)", action.action(),
                    action.score());
            return showDiagnosis ? recommendation.diagnosis() + ": " + label : label;
        }
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rationaleProperty() {
        return rationale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rankingProperty() {
        return ranking.getReadOnlyProperty();
    }

    public ObservableList<ActionItem> actions() {
        return actions;
    }

    public ObjectProperty<ActionItem> selectedActionProperty() {
        return selectedAction;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ObservableList<FeedbackEntry> history() {
        return history;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** True when an anomaly and one of its actions are selected and nothing is being saved. */
    public BooleanBinding canAnswerBinding() {
        return canAnswer;
    }
}
