package com.analyticscopilot.app.viewmodel;

import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.Analysis;
import com.analyticscopilot.app.service.AppServices;
import com.analyticscopilot.app.service.ErrorPresenter;
import com.analyticscopilot.app.service.ErrorReport;
import com.analyticscopilot.app.service.FeedbackState;
import com.analyticscopilot.app.service.LoadedData;
import com.analyticscopilot.app.service.SampleData;
import com.analyticscopilot.app.service.SiteTrace;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.task.BackgroundTask;
import com.analyticscopilot.app.task.TaskExecutor;
import com.analyticscopilot.app.task.TaskHandle;
import com.analyticscopilot.app.task.TaskProgress;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.Severity;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.forecast.ResidualScorer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The state of the main window: the open data file, the latest detection run, the site list,
 * the anomaly table and what is selected. Loading and detection run as background tasks; this
 * class only swaps in their results, on the UI thread. Knows no JavaFX node.
 */
public final class MainViewModel {

    private final AppServices services;
    private final TaskExecutor executor;
    private final ErrorPresenter errors;
    private final WorkbenchPreferences prefs;
    private final UiText text;

    private final ReadOnlyObjectWrapper<LoadedData> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty sensitivity = new SimpleDoubleProperty();
    private final ReadOnlyObjectWrapper<ResidualScorer> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private final ObservableList<SiteRow> sites = FXCollections.observableArrayList();
    private final StringProperty siteSearch = new SimpleStringProperty("");
    private final FilteredList<SiteRow> visibleSites = new FilteredList<>(sites);
    private final StringProperty selectedSite = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<SiteTrace> selectedTrace = new ReadOnlyObjectWrapper<>();

    private final ObservableList<AnomalyRow> anomalies = FXCollections.observableArrayList();
    private final FilteredList<AnomalyRow> visibleAnomalies = new FilteredList<>(anomalies);
    private final BooleanProperty portfolioScope = new SimpleBooleanProperty(false);
    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>();
    private final StringProperty kpiFilter = new SimpleStringProperty();
    private final StringProperty diagnosisFilter = new SimpleStringProperty();
    private final ObjectProperty<FeedbackState> feedbackFilter = new SimpleObjectProperty<>();
    private final ObservableList<String> kpiChoices = FXCollections.observableArrayList();
    private final ObservableList<String> diagnosisChoices = FXCollections.observableArrayList();
    private final ObjectProperty<AnomalyRow> selectedAnomaly = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDateTime> focusTime = new SimpleObjectProperty<>();

    private Map<String, List<Recommendation>> recommendations = Map.of();

    /** Incremented for every load or detection run; a late result of an older run is dropped. */
    private long generation;
    private TaskHandle running;

    public MainViewModel(AppServices services, TaskExecutor executor, ErrorPresenter errors,
                         WorkbenchPreferences prefs, UiText text) {
        this.services = Objects.requireNonNull(services, "services");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
        this.text = Objects.requireNonNull(text, "text");

        sensitivity.set(Math.max(0, Math.min(1, prefs.sensitivity())));
        sensitivity.addListener((obs, old, now) -> {
            // A few hundred bytes; the slider's settle delay keeps this to one write per move.
            prefs.setSensitivity(now.doubleValue());
            prefs.save();
            detect();
        });

        siteSearch.addListener((obs, old, now) -> visibleSites.setPredicate(siteMatcher(now)));
        selectedSite.addListener((obs, old, now) -> siteSelected(now));
        selectedAnomaly.addListener((obs, old, now) -> anomalySelected(now));
        portfolioScope.addListener(obs -> refilterAnomalies());
        minimumSeverity.addListener(obs -> refilterAnomalies());
        kpiFilter.addListener(obs -> refilterAnomalies());
        diagnosisFilter.addListener(obs -> refilterAnomalies());
        feedbackFilter.addListener(obs -> refilterAnomalies());
    }

    // ---- actions -------------------------------------------------------------------------

    /** Opens the remembered data file, or the sample data when there is none or it is gone. */
    public void openInitial() {
        Optional<Path> remembered = prefs.dataFile().filter(java.nio.file.Files::isRegularFile);
        if (remembered.isPresent()) {
            open(remembered.get());
        } else {
            openSample();
        }
    }

    /** The file {@link #openInitial()} will open, if any; for reading it early. */
    public static Optional<Path> initialFile(WorkbenchPreferences prefs, SampleData samples) {
        Optional<Path> remembered = prefs.dataFile().filter(java.nio.file.Files::isRegularFile);
        return remembered.isPresent() ? remembered : samples.kpis();
    }

    /** Opens the shipped sample data. */
    public void openSample() {
        Optional<Path> sample = services.samples().kpis();
        if (sample.isEmpty()) {
            errors.show(new ErrorReport(text.get("error.noSample"), List.of(),
                    text.get("error.noSample.details")));
            return;
        }
        open(sample.get());
    }

    /** Reads a KPI file and runs detection on it; the current data stays if this fails. */
    public TaskHandle open(Path file) {
        long run = startRun();
        double s = sensitivity.get();
        ResidualScorer scorer = model.get();
        status.set(text.get("status.opening", file.getFileName()));

        BackgroundTask<Opened> task = new BackgroundTask<>("Opening " + file.getFileName()) {
            @Override
            protected Opened call(TaskProgress progress) throws Exception {
                LoadedData data = services.datasets().load(file);
                return new Opened(data, computeResults(data.dataset(), s, scorer, progress));
            }
        };
        task.onSuccess(opened -> {
            if (run != generation) {
                return;
            }
            loaded.set(opened.data());
            prefs.setDataFile(file.toAbsolutePath());
            prefs.save();
            selectedSite.set(null);
            show(opened.results());
            if (!opened.data().warnings().isEmpty()) {
                status.set(status.get() + " " + text.get("status.warnings", opened.data().warnings()
                        .size()));
            }
        });
        task.onFailure(failure -> finishFailed(run, ErrorReport.of("Opening " + file.getFileName(),
                failure)));
        task.onCancelled(() -> finishCancelled(run));
        running = executor.execute(task);
        return running;
    }

    /** Runs detection again on the open data, with the current sensitivity and model. */
    public void detect() {
        LoadedData data = loaded.get();
        if (data == null) {
            return;
        }
        long run = startRun();
        double s = sensitivity.get();
        ResidualScorer scorer = model.get();
        status.set(text.get("status.detecting"));

        BackgroundTask<Results> task = new BackgroundTask<>("Detecting anomalies") {
            @Override
            protected Results call(TaskProgress progress) {
                return computeResults(data.dataset(), s, scorer, progress);
            }
        };
        task.onSuccess(results -> {
            if (run == generation) {
                show(results);
            }
        });
        task.onFailure(failure -> finishFailed(run, ErrorReport.of("Detection", failure)));
        task.onCancelled(() -> finishCancelled(run));
        running = executor.execute(task);
    }

    /** Writes the anomaly report of the current run to {@code file}. */
    public TaskHandle exportReport(Path file) {
        Analysis current = analysis.get();
        if (current == null) {
            return null;
        }
        Map<String, List<Recommendation>> recs = recommendations;
        status.set(text.get("status.exporting", file.getFileName()));

        BackgroundTask<Path> task = new BackgroundTask<>("Exporting the report") {
            @Override
            protected Path call(TaskProgress progress) throws Exception {
                services.reports().export(current, recs, file);
                return file;
            }
        };
        task.onSuccess(written -> status.set(text.get("status.exported", current.events().size(),
                written)));
        task.onFailure(failure -> {
            status.set(text.get("status.failed"));
            errors.show(ErrorReport.of("Exporting the report to " + file.getFileName(), failure));
        });
        return executor.execute(task);
    }

    /** Uses a trained forecaster from now on, and scores the data with it at once. */
    public void useModel(ResidualScorer scorer, String name) {
        model.set(scorer);
        modelName.set(name == null ? "" : name);
        detect();
    }

    /** Marks an event's feedback state after the analyst answered. */
    public void feedbackGiven(String eventId, FeedbackState state) {
        for (int i = 0; i < anomalies.size(); i++) {
            AnomalyRow row = anomalies.get(i);
            if (row.id().equals(eventId)) {
                AnomalyRow updated = row.withFeedback(state);
                anomalies.set(i, updated);
                if (selectedAnomaly.get() != null && selectedAnomaly.get().id().equals(eventId)) {
                    selectedAnomaly.set(updated);
                }
            }
        }
        rebuildSites();
    }

    /** Saves what should be remembered; called when the window closes. */
    public void close(double width, double height) {
        if (running != null) {
            running.cancel();
        }
        prefs.setWindowSize(width, height);
        prefs.save();
    }

    // ---- background work --------------------------------------------------------------------

    /** A detection run with the agent's answers, computed off the UI thread. */
    public record Results(Analysis analysis, Map<String, List<Recommendation>> recommendations,
                          Map<String, FeedbackState> feedback) {
    }

    private record Opened(LoadedData data, Results results) {
    }

    private Results computeResults(Dataset dataset, double s, ResidualScorer scorer,
            TaskProgress progress) {
        ThresholdAdjustments adjustments = services.advisor().adjustments();
        Analysis result = services.detection().analyse(dataset, s, scorer, adjustments, progress);

        Map<String, List<Recommendation>> recs = new HashMap<>();
        for (AnomalyEvent event : result.events()) {
            if (progress.isCancelled()) {
                break;
            }
            recs.put(event.id(), services.advisor().recommend(event, result.events()));
        }
        return new Results(result, Map.copyOf(recs), services.advisor().states());
    }

    private long startRun() {
        if (running != null && running.isRunning()) {
            running.cancel();
        }
        busy.set(true);
        return ++generation;
    }

    private void finishFailed(long run, ErrorReport report) {
        if (run != generation) {
            return;
        }
        busy.set(false);
        status.set(text.get("status.failed"));
        errors.show(report);
    }

    private void finishCancelled(long run) {
        if (run == generation) {
            busy.set(false);
        }
    }

    // ---- showing results ----------------------------------------------------------------------

    private void show(Results results) {
        String keepSite = selectedSite.get();
        String keepEvent = selectedAnomaly.get() == null ? null : selectedAnomaly.get().id();

        recommendations = results.recommendations();
        analysis.set(results.analysis());

        List<AnomalyRow> rows = new ArrayList<>();
        TreeSet<String> diagnoses = new TreeSet<>();
        for (AnomalyEvent event : results.analysis().events()) {
            List<Recommendation> recs = recommendations.getOrDefault(event.id(), List.of());
            String diagnosis = recs.isEmpty() ? "" : recs.get(0).diagnosis();
            String action = recs.isEmpty() ? "" : recs.get(0).topAction();
            if (!diagnosis.isEmpty()) {
                diagnoses.add(diagnosis);
            }
            rows.add(new AnomalyRow(event, diagnosis, action,
                    results.feedback().getOrDefault(event.id(), FeedbackState.OPEN)));
        }
        anomalies.setAll(rows);
        diagnosisChoices.setAll(diagnoses);
        kpiChoices.setAll(results.analysis().dataset().kpis().stream().map(Kpi::name).toList());
        rebuildSites();

        // Keep the analyst where they were when the site is still there; else the most urgent.
        if (keepSite == null || results.analysis().site(keepSite).isEmpty()) {
            keepSite = sites.isEmpty() ? null : sites.get(0).site();
        }
        if (Objects.equals(keepSite, selectedSite.get())) {
            siteSelected(keepSite);
        } else {
            selectedSite.set(keepSite);
        }
        String eventId = keepEvent;
        Optional<AnomalyRow> kept = anomalies.stream().filter(r -> r.id().equals(eventId))
                .findFirst();
        selectedAnomaly.set(kept.orElseGet(() -> mostUrgentOf(selectedSite.get())));

        busy.set(false);
        status.set(text.get("status.detected", results.analysis().dataset().siteCount(),
                results.analysis().events().size(), results.analysis().method(),
                String.format(Locale.ROOT, "%.2f", results.analysis().sensitivity())));
    }

    private void rebuildSites() {
        Analysis current = analysis.get();
        if (current == null) {
            sites.clear();
            return;
        }

        Map<String, List<AnomalyRow>> bySite = new HashMap<>();
        for (AnomalyRow row : anomalies) {
            bySite.computeIfAbsent(row.site(), s -> new ArrayList<>()).add(row);
        }
        List<SiteRow> rows = new ArrayList<>();
        for (String site : current.dataset().siteIds()) {
            List<AnomalyRow> events = bySite.getOrDefault(site, List.of());
            Severity worst = events.stream().map(AnomalyRow::severity).max(Enum::compareTo)
                    .orElse(null);
            int open = (int) events.stream().filter(r -> r.feedback() == FeedbackState.OPEN)
                    .count();
            double peak = events.stream().mapToDouble(AnomalyRow::peakScore).max().orElse(0);
            rows.add(new SiteRow(site, events.size(), worst, open, peak));
        }
        rows.sort(SiteRow.BY_ATTENTION);
        sites.setAll(rows);
    }

    private void siteSelected(String site) {
        Analysis current = analysis.get();
        selectedTrace.set(current == null || site == null ? null : current.site(site).orElse(null));
        // A site chosen in the list opens on its most urgent anomaly, so the agent panel
        // answers "what now?" without another click.
        AnomalyRow anomaly = selectedAnomaly.get();
        if (anomaly == null || !anomaly.site().equals(site)) {
            selectedAnomaly.set(mostUrgentOf(site));
        }
        refilterAnomalies();
    }

    private AnomalyRow mostUrgentOf(String site) {
        return anomalies.stream().filter(r -> r.site().equals(site))
                .max(java.util.Comparator.comparing(AnomalyRow::severity)
                        .thenComparingDouble(AnomalyRow::peakScore))
                .orElse(null);
    }

    private void anomalySelected(AnomalyRow row) {
        if (row == null) {
            return;
        }

        // An event of the whole portfolio (a holiday) has no site of its own to show.
        Analysis current = analysis.get();
        boolean ownSite = current != null && current.site(row.site()).isPresent();
        if (ownSite && !row.site().equals(selectedSite.get())) {
            selectedSite.set(row.site());
        }
        focusTime.set(row.event().start());
    }

    private void refilterAnomalies() {
        String site = selectedSite.get();
        boolean portfolio = portfolioScope.get();
        Severity minimum = minimumSeverity.get();
        String kpi = kpiFilter.get();
        String diagnosis = diagnosisFilter.get();
        FeedbackState feedback = feedbackFilter.get();
        visibleAnomalies.setPredicate(row -> (portfolio || row.site().equals(site))
                && (minimum == null || row.severity().compareTo(minimum) >= 0)
                && (kpi == null || row.flaggedKpis().contains(kpi))
                && (diagnosis == null || diagnosis.equals(row.diagnosis()))
                && (feedback == null || feedback == row.feedback()));
    }

    private static java.util.function.Predicate<SiteRow> siteMatcher(String search) {
        if (search == null || search.isBlank()) {
            return row -> true;
        }
        String needle = search.trim().toLowerCase(Locale.ROOT);
        return row -> row.site().toLowerCase(Locale.ROOT).contains(needle);
    }

    // ---- properties ---------------------------------------------------------------------------

    /** The recommendations of one event from the latest run, best first. */
    public List<Recommendation> recommendationsFor(String eventId) {
        return recommendations.getOrDefault(eventId, List.of());
    }

    /** Replaces one event's recommendations after feedback changed the ranking. */
    public void updateRecommendations(String eventId, List<Recommendation> recs) {
        Map<String, List<Recommendation>> copy = new HashMap<>(recommendations);
        copy.put(eventId, List.copyOf(recs));
        recommendations = Map.copyOf(copy);
    }

    public ReadOnlyObjectProperty<LoadedData> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public DoubleProperty sensitivityProperty() {
        return sensitivity;
    }

    public ReadOnlyObjectProperty<ResidualScorer> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Sets the status line; for other view models sharing the window's status bar. */
    public void setStatus(String message) {
        status.set(message);
    }

    /** The sites matching the search, most urgent first. */
    public ObservableList<SiteRow> visibleSites() {
        return visibleSites;
    }

    public StringProperty siteSearchProperty() {
        return siteSearch;
    }

    public StringProperty selectedSiteProperty() {
        return selectedSite;
    }

    public ReadOnlyObjectProperty<SiteTrace> selectedTraceProperty() {
        return selectedTrace.getReadOnlyProperty();
    }

    /** The anomaly rows passing the scope and the filters; wrap in a {@link SortedList} to sort. */
    public ObservableList<AnomalyRow> visibleAnomalies() {
        return visibleAnomalies;
    }

    /** Every anomaly row of the latest run. */
    public ObservableList<AnomalyRow> allAnomalies() {
        return FXCollections.unmodifiableObservableList(anomalies);
    }

    public BooleanProperty portfolioScopeProperty() {
        return portfolioScope;
    }

    public ObjectProperty<Severity> minimumSeverityProperty() {
        return minimumSeverity;
    }

    public StringProperty kpiFilterProperty() {
        return kpiFilter;
    }

    public StringProperty diagnosisFilterProperty() {
        return diagnosisFilter;
    }

    public ObjectProperty<FeedbackState> feedbackFilterProperty() {
        return feedbackFilter;
    }

    public ObservableList<String> kpiChoices() {
        return kpiChoices;
    }

    public ObservableList<String> diagnosisChoices() {
        return diagnosisChoices;
    }

    public ObjectProperty<AnomalyRow> selectedAnomalyProperty() {
        return selectedAnomaly;
    }

    /** The time the charts should show: the start of the selected anomaly. */
    public ReadOnlyObjectProperty<LocalDateTime> focusTimeProperty() {
        return focusTime;
    }

    public AppServices services() {
        return services;
    }
}
