package com.analyticscopilot.app.view;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.FeedbackState;
import com.analyticscopilot.app.service.SiteTrace;
import com.analyticscopilot.app.viewmodel.AnomalyRow;
import com.analyticscopilot.app.viewmodel.MainViewModel;
import com.analyticscopilot.app.viewmodel.SiteRow;
import com.analyticscopilot.app.viewmodel.TrainingViewModel;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.Severity;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.RangeSlider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The main window's controller: binds the toolbar, site list, charts and anomaly table to the
 * {@link MainViewModel} and turns clicks into its actions. Holds no state of its own beyond
 * what the widgets need.
 */
public final class MainController {

    private static final Logger LOG = LoggerFactory.getLogger(MainController.class);

    /** Wait this long after the slider stops before re-scoring, so a drag is not 50 runs. */
    private static final Duration SLIDER_SETTLE = Duration.millis(150);
    /** How far one Ctrl+Up / Ctrl+Down moves the sensitivity. */
    private static final double SENSITIVITY_STEP = 0.05;
    /** Days shown around an anomaly chosen in the table when the charts are zoomed in. */
    private static final double FOCUS_WINDOW_DAYS = 42;

    private final MainViewModel model;
    private final TrainingViewModel training;
    private final UiText text;
    private final FilePicker files;

    @FXML
    private BorderPane root;
    @FXML
    private MenuItem exportItem;
    @FXML
    private MenuItem detectItem;
    @FXML
    private MenuItem pretrainItem;
    @FXML
    private MenuItem finetuneItem;
    @FXML
    private MenuItem cancelTrainingItem;
    @FXML
    private CheckMenuItem portfolioItem;
    @FXML
    private Button detectButton;
    @FXML
    private Button exportButton;
    @FXML
    private Slider sensitivitySlider;
    @FXML
    private Label sensitivityLabel;
    @FXML
    private Label modelLabel;
    @FXML
    private TextField siteSearch;
    @FXML
    private ListView<SiteRow> siteList;
    @FXML
    private Label chartsTitle;
    @FXML
    private Label zoomFromLabel;
    @FXML
    private Label zoomToLabel;
    @FXML
    private RangeSlider zoomSlider;
    @FXML
    private VBox kpiCharts;
    @FXML
    private ComboBox<String> stlKpi;
    @FXML
    private HBox stlCharts;
    @FXML
    private ToggleButton portfolioToggle;
    @FXML
    private ComboBox<String> severityFilter;
    @FXML
    private ComboBox<String> kpiFilter;
    @FXML
    private ComboBox<String> diagnosisFilter;
    @FXML
    private ComboBox<String> feedbackFilter;
    @FXML
    private TableView<AnomalyRow> anomalyTable;
    @FXML
    private TableColumn<AnomalyRow, String> siteColumn;
    @FXML
    private TableColumn<AnomalyRow, LocalDate> dateColumn;
    @FXML
    private TableColumn<AnomalyRow, Integer> daysColumn;
    @FXML
    private TableColumn<AnomalyRow, String> kpisColumn;
    @FXML
    private TableColumn<AnomalyRow, Severity> severityColumn;
    @FXML
    private TableColumn<AnomalyRow, Double> scoreColumn;
    @FXML
    private TableColumn<AnomalyRow, String> diagnosisColumn;
    @FXML
    private TableColumn<AnomalyRow, String> actionColumn;
    @FXML
    private TableColumn<AnomalyRow, FeedbackState> feedbackColumn;
    @FXML
    private Label statusLabel;
    @FXML
    private ProgressBar trainingStatusBar;
    @FXML
    private ProgressIndicator busyIndicator;

    private SiteCharts charts;
    /** True while this controller moves a selection itself, so the echo is not handled. */
    private boolean syncing;

    public MainController(MainViewModel model, TrainingViewModel training, UiText text,
            FilePicker files) {
        this.model = model;
        this.training = training;
        this.text = text;
        this.files = files;
    }

    @FXML
    private void initialize() {
        charts = new SiteCharts(text, kpiCharts, stlCharts);
        bindToolbar();
        bindSites();
        bindCharts();
        bindTable();
        bindStatus();
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                addShortcuts(scene);
            }
        });
    }

    // ---- toolbar ----------------------------------------------------------------------------

    private void bindToolbar() {
        sensitivitySlider.setValue(model.sensitivityProperty().get());
        sensitivityLabel.setText(format2(sensitivitySlider.getValue()));
        PauseTransition settle = new PauseTransition(SLIDER_SETTLE);
        settle.setOnFinished(e -> model.sensitivityProperty().set(sensitivitySlider.getValue()));
        sensitivitySlider.valueProperty().addListener((obs, old, now) -> {
            sensitivityLabel.setText(format2(now.doubleValue()));
            settle.playFromStart();
        });
        model.sensitivityProperty().addListener((obs, old, now) -> {
            if (Math.abs(sensitivitySlider.getValue() - now.doubleValue()) > 1e-9) {
                sensitivitySlider.setValue(now.doubleValue());
            }
        });

        var noData = model.loadedProperty().isNull();
        var noResults = model.analysisProperty().isNull();
        detectButton.disableProperty().bind(noData);
        detectItem.disableProperty().bind(noData);
        exportButton.disableProperty().bind(noResults);
        exportItem.disableProperty().bind(noResults);
        pretrainItem.disableProperty().bind(training.canPretrainBinding().not());
        finetuneItem.disableProperty().bind(training.canFineTuneBinding().not());
        cancelTrainingItem.disableProperty().bind(training.runningProperty().not());

        modelLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.modelProperty().get() == null ? text.get("toolbar.model.none")
                        : text.get("toolbar.model", model.modelNameProperty().get()),
                model.modelProperty(), model.modelNameProperty()));
    }

    private void addShortcuts(Scene scene) {
        var up = new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN);
        var down = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN);
        scene.getAccelerators().put(up, () -> moveSensitivity(SENSITIVITY_STEP));
        scene.getAccelerators().put(down, () -> moveSensitivity(-SENSITIVITY_STEP));
    }

    private void moveSensitivity(double by) {
        sensitivitySlider.setValue(Math.max(0, Math.min(1, sensitivitySlider.getValue() + by)));
    }

    // ---- site list --------------------------------------------------------------------------

    private void bindSites() {
        siteSearch.textProperty().bindBidirectional(model.siteSearchProperty());
        siteList.setItems(model.visibleSites());
        siteList.setCellFactory(list -> new SiteCell());
        siteList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                model.selectedSiteProperty().set(now.site());
            }
        });
        model.selectedSiteProperty().addListener((obs, old, now) -> selectSiteInList(now));
        model.visibleSites().addListener((ListChangeListener<SiteRow>) c ->
                selectSiteInList(model.selectedSiteProperty().get()));
    }

    private void selectSiteInList(String site) {
        syncing = true;
        try {
            for (int i = 0; i < siteList.getItems().size(); i++) {
                if (siteList.getItems().get(i).site().equals(site)) {
                    siteList.getSelectionModel().select(i);
                    siteList.scrollTo(Math.max(0, i - 3));
                    return;
                }
            }
            siteList.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    /** A site with its event count and worst severity. */
    private final class SiteCell extends ListCell<SiteRow> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(6, name, new javafx.scene.layout.Region(), detail);

        SiteCell() {
            HBox.setHgrow(box.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
            detail.getStyleClass().add("site-detail");
        }

        @Override
        protected void updateItem(SiteRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(s -> s.startsWith("severity-"));
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(row.site());
            detail.setText(row.anomalies() == 0 ? text.get("sites.none")
                    : text.get("sites.events", row.anomalies()) + " \u00b7 " + row.worst().label());
            if (row.worst() != null) {
                getStyleClass().add("severity-" + row.worst().label());
            }
            setText(null);
            setGraphic(box);
        }
    }

    // ---- charts -----------------------------------------------------------------------------

    private void bindCharts() {
        chartsTitle.setText(text.get("charts.empty"));
        model.selectedTraceProperty().addListener((obs, old, now) -> drawSite(now));
        stlKpi.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) ->
                charts.showStl(now.intValue()));
        model.focusTimeProperty().addListener((obs, old, now) -> focusOn(now));
        model.selectedAnomalyProperty().addListener((obs, old, now) -> {
            if (now != null) {
                List<String> kpis = now.flaggedKpis();
                if (!kpis.isEmpty() && stlKpi.getItems().contains(kpis.get(0))) {
                    stlKpi.getSelectionModel().select(kpis.get(0));
                }
            } else {
                charts.setFocus(Double.NaN);
            }
        });

        zoomSlider.lowValueProperty().addListener(obs -> applyZoom());
        zoomSlider.highValueProperty().addListener(obs -> applyZoom());
    }

    private void drawSite(SiteTrace trace) {
        long start = System.nanoTime();
        if (trace == null) {
            chartsTitle.setText(text.get("charts.empty"));
            charts.show(null, -1, p -> "", p -> { });
            return;
        }
        chartsTitle.setText(text.get("charts.title", trace.site()));

        // Keep the zoom when the new site covers the same dates; else show everything.
        double first = SiteCharts.x(trace.series().start());
        double last = SiteCharts.x(trace.series().end());
        boolean sameRange = zoomSlider.getMin() == first && zoomSlider.getMax() == last;
        if (!sameRange) {
            // Widen first, then narrow: the slider clamps values against the bounds as they change.
            zoomSlider.setMin(Math.min(first, zoomSlider.getMin()));
            zoomSlider.setMax(Math.max(last, zoomSlider.getMax()));
            zoomSlider.setMin(first);
            zoomSlider.setMax(last);
            zoomSlider.setLowValue(first);
            zoomSlider.setHighValue(last);
        }

        List<String> names = trace.kpis().stream().map(k -> k.kpi().name()).toList();
        int stl = Math.max(0, stlKpi.getSelectionModel().getSelectedIndex());
        if (!stlKpi.getItems().equals(names)) {
            syncing = true;
            stlKpi.getItems().setAll(names);
            stlKpi.getSelectionModel().select(Math.min(stl, names.size() - 1));
            syncing = false;
        }
        charts.show(trace, stlKpi.getSelectionModel().getSelectedIndex(), this::describe,
                this::anomalyClicked);
        applyZoom();
        LocalDateTime focus = model.focusTimeProperty().get();
        charts.setFocus(focus != null && model.selectedAnomalyProperty().get() != null
                ? SiteCharts.x(focus) : Double.NaN);
        LOG.debug("Site {} drawn in {} ms", trace.site(), (System.nanoTime() - start) / 1_000_000);
    }

    private String describe(AnomalyPoint point) {
        String diagnosis = rowOf(point).map(AnomalyRow::diagnosis).orElse("");
        return text.get("charts.tooltip", point.time().toLocalDate(), point.kpi(),
                SiteCharts.number(point.value()), SiteCharts.number(point.expected()),
                format2(point.score()), format2(point.stlScore()), format2(point.lstmScore()),
                point.severity().label(), diagnosis.isEmpty() ? "\u2013" : diagnosis);
    }

    /** The anomaly event a flagged point belongs to. */
    private Optional<AnomalyRow> rowOf(AnomalyPoint point) {
        return model.allAnomalies().stream()
                .filter(r -> r.site().equals(point.site()))
                .filter(r -> !point.time().isBefore(r.event().start()))
                .filter(r -> !point.time().isAfter(r.event().end()))
                .findFirst();
    }

    private void anomalyClicked(AnomalyPoint point) {
        rowOf(point).ifPresent(row -> model.selectedAnomalyProperty().set(row));
    }

    private void focusOn(LocalDateTime time) {
        if (time == null) {
            charts.setFocus(Double.NaN);
            return;
        }
        double x = SiteCharts.x(time);
        charts.setFocus(x);

        // Zoomed in and the anomaly outside the window: move the window to it.
        boolean zoomed = zoomSlider.getLowValue() > zoomSlider.getMin()
                || zoomSlider.getHighValue() < zoomSlider.getMax();
        if (zoomed && (x < zoomSlider.getLowValue() || x > zoomSlider.getHighValue())) {
            double half = FOCUS_WINDOW_DAYS / 2;
            zoomSlider.setHighValue(Math.min(zoomSlider.getMax(), x + half));
            zoomSlider.setLowValue(Math.max(zoomSlider.getMin(), x - half));
        }
    }

    private void applyZoom() {
        double low = zoomSlider.getLowValue();
        double high = zoomSlider.getHighValue();
        zoomFromLabel.setText(SiteCharts.date(low).toString());
        zoomToLabel.setText(SiteCharts.date(high).toString());
        charts.setRange(low, high);
    }

    // ---- anomaly table ----------------------------------------------------------------------

    private void bindTable() {
        portfolioToggle.selectedProperty().bindBidirectional(model.portfolioScopeProperty());
        portfolioItem.selectedProperty().bindBidirectional(model.portfolioScopeProperty());

        String any = text.get("anomalies.filter.any");
        List<String> severities = new ArrayList<>(List.of(any));
        for (Severity s : Severity.values()) {
            severities.add(s.label());
        }
        severityFilter.getItems().setAll(severities);
        severityFilter.getSelectionModel().select(0);
        severityFilter.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) ->
                model.minimumSeverityProperty().set(now.intValue() <= 0 ? null
                        : Severity.values()[now.intValue() - 1]));

        List<String> states = new ArrayList<>(List.of(any));
        for (FeedbackState s : FeedbackState.values()) {
            states.add(text.get("feedback." + s.name()));
        }
        feedbackFilter.getItems().setAll(states);
        feedbackFilter.getSelectionModel().select(0);
        feedbackFilter.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) ->
                model.feedbackFilterProperty().set(now.intValue() <= 0 ? null
                        : FeedbackState.values()[now.intValue() - 1]));

        bindChoice(kpiFilter, model.kpiChoices(), any, model.kpiFilterProperty());
        bindChoice(diagnosisFilter, model.diagnosisChoices(), any, model.diagnosisFilterProperty());

        siteColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().site()));
        dateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().date()));
        daysColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().days()));
        kpisColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kpis()));
        severityColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()
                .severity()));
        scoreColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().peakScore()));
        diagnosisColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()
                .diagnosis()));
        actionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()
                .topAction()));
        feedbackColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()
                .feedback()));
        scoreColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format2(v));
            }
        });
        severityColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity v, boolean empty) {
                super.updateItem(v, empty);
                getStyleClass().removeIf(s -> s.startsWith("severity-"));
                setText(empty || v == null ? null : v.label());
                if (!empty && v != null) {
                    getStyleClass().add("severity-" + v.label());
                }
            }
        });
        feedbackColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FeedbackState v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.get("feedback." + v.name()));
            }
        });

        SortedList<AnomalyRow> sorted = new SortedList<>(model.visibleAnomalies());
        sorted.comparatorProperty().bind(anomalyTable.comparatorProperty());
        anomalyTable.setItems(sorted);
        severityColumn.setSortType(TableColumn.SortType.DESCENDING);
        anomalyTable.getSortOrder().add(severityColumn);

        anomalyTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                model.selectedAnomalyProperty().set(now);
            }
        });
        model.selectedAnomalyProperty().addListener((obs, old, now) -> selectAnomalyInTable(now));
        sorted.addListener((ListChangeListener<AnomalyRow>) c ->
                selectAnomalyInTable(model.selectedAnomalyProperty().get()));
    }

    private void selectAnomalyInTable(AnomalyRow row) {
        syncing = true;
        try {
            if (row == null) {
                anomalyTable.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < anomalyTable.getItems().size(); i++) {
                if (anomalyTable.getItems().get(i).id().equals(row.id())) {
                    if (anomalyTable.getSelectionModel().getSelectedIndex() != i) {
                        anomalyTable.getSelectionModel().select(i);
                        anomalyTable.scrollTo(Math.max(0, i - 2));
                    }
                    return;
                }
            }
            anomalyTable.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    /** A filter combo of "any" plus the model's choices; "any" maps to null. */
    private void bindChoice(ComboBox<String> combo,
            javafx.collections.ObservableList<String> choices, String any,
                            javafx.beans.property.StringProperty target) {
        Runnable refresh = () -> {
            String current = target.get();
            List<String> items = new ArrayList<>(List.of(any));
            items.addAll(choices);
            combo.getItems().setAll(items);
            combo.getSelectionModel().select(current != null && choices.contains(current) ? current
                    : any);
        };
        choices.addListener((ListChangeListener<String>) c -> refresh.run());
        refresh.run();
        combo.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                target.set(now == null || now.equals(any) ? null : now));
    }

    // ---- status -----------------------------------------------------------------------------

    private void bindStatus() {
        statusLabel.textProperty().bind(model.statusProperty());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        trainingStatusBar.visibleProperty().bind(training.runningProperty());
        trainingStatusBar.managedProperty().bind(training.runningProperty());
        trainingStatusBar.progressProperty().bind(training.progressProperty());
    }

    // ---- actions ----------------------------------------------------------------------------

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @FXML
    private void openCsv() {
        files.chooseDataFile(window()).ifPresent(model::open);
    }

    @FXML
    private void openSample() {
        model.openSample();
    }

    @FXML
    private void detect() {
        model.detect();
    }

    @FXML
    private void exportReport() {
        if (model.analysisProperty().get() == null) {
            return;
        }
        files.chooseReportFile(window(), "anomaly-report.csv").ifPresent(model::exportReport);
    }

    @FXML
    private void pretrain() {
        training.pretrain();
    }

    @FXML
    private void fineTune() {
        training.fineTune();
    }

    @FXML
    private void cancelTraining() {
        training.cancel();
    }

    @FXML
    private void resetZoom() {
        zoomSlider.setLowValue(zoomSlider.getMin());
        zoomSlider.setHighValue(zoomSlider.getMax());
    }

    @FXML
    private void focusSearch() {
        siteSearch.requestFocus();
        siteSearch.selectAll();
    }

    @FXML
    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text.get("dialog.shortcuts"),
                ButtonType.OK);
        alert.initOwner(window());
        alert.setTitle(text.get("dialog.shortcuts.title"));
        alert.setHeaderText(text.get("dialog.shortcuts.title"));
        alert.show();
    }

    @FXML
    private void quit() {
        Window window = window();
        if (window != null) {
            window.fireEvent(new javafx.stage.WindowEvent(window,
                    javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            if (window.isShowing()) {
                window.hide();
            }
        }
    }

    private static String format2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "\u2013";
    }
}
