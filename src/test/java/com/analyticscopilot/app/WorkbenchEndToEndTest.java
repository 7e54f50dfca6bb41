package com.analyticscopilot.app;

import com.analyticscopilot.agent.FeedbackEntry;
import com.analyticscopilot.agent.FeedbackStore;
import com.analyticscopilot.agent.Verdict;
import com.analyticscopilot.app.service.AgentAdvisorService;
import com.analyticscopilot.app.service.AnomalyReportService;
import com.analyticscopilot.app.service.AppServices;
import com.analyticscopilot.app.service.CsvDatasetService;
import com.analyticscopilot.app.service.DetectorService;
import com.analyticscopilot.app.service.LstmTrainingService;
import com.analyticscopilot.app.service.SampleData;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.support.FxHarness;
import com.analyticscopilot.app.support.ScriptedFilePicker;
import com.analyticscopilot.app.task.FxTaskExecutor;
import com.analyticscopilot.app.view.ErrorDialog;
import com.analyticscopilot.app.viewmodel.AnomalyRow;
import com.analyticscopilot.data.UserFolder;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.forecast.ForecastSettings;
import com.analyticscopilot.report.AnomalyReport;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.analyticscopilot.app.support.FxHarness.onFx;
import static com.analyticscopilot.app.support.FxHarness.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench with the real parts behind it, headless: the CSV reader, the detector, the agent
 * with its SQLite store, the LSTM trainer and the report writer, on a small generated data set
 * (8 sites x 120 days, the generator's injected incidents) so the whole class runs in seconds.
 */
class WorkbenchEndToEndTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final ScriptedFilePicker picker = new ScriptedFilePicker();
    private FxTaskExecutor executor;
    private AppServices services;
    private Workbench workbench;

    @BeforeAll
    static void startFx() throws Exception {
        FxHarness.start();
    }

    @BeforeEach
    void openWindow() throws Exception {
        System.setProperty(UserFolder.PROPERTY, home.toString());
        SyntheticKpis.generate(GeneratorSettings.defaults().withSites(8).withDays(120).withSeed(11))
                .writeTo(home.resolve("sample-data"));
        executor = new FxTaskExecutor();
    }

    /** Opens the window on the generated sample; {@code epochs} bounds a training run. */
    private void show(int epochs) throws Exception {
        // A network small enough to train in well under a second per epoch on a busy CI core.
        ForecastSettings tiny = ForecastSettings.builder().layers(1).hiddenSize(8).window(7)
                .batchSize(32)
                .maxEpochs(epochs).patience(epochs).build();
        SampleData samples = new SampleData(List.of(home));
        services = new AppServices(new CsvDatasetService(), new DetectorService(),
                AgentAdvisorService.open(home.resolve("feedback.db")),
                new LstmTrainingService(tiny, samples, home.resolve("models")),
                        new AnomalyReportService(), samples);
        WorkbenchPreferences prefs = WorkbenchPreferences.load(home);
        // Smaller than Monocle's default 1280 x 800 screen, so every control is on screen.
        prefs.setWindowSize(1260, 780);
        FxToolkit.setupStage(stage -> workbench = Workbench.show(stage, services, executor, prefs,
                UiText.load(), picker));
        FxHarness.runFx(() -> workbench.openInitialData());
        waitUntil(30, "sample data detected", () -> workbench.main().analysisProperty()
                .get() != null
                && !workbench.main().busyProperty().get());
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxHarness.closeOtherWindows();
        if (workbench != null) {
            FxHarness.runFx(workbench.stage()::hide);
        }
        executor.shutdown();
        if (services != null) {
            services.advisor().close();
        }
        System.clearProperty(UserFolder.PROPERTY);
    }

    private Node siteCell(String site) {
        ListView<?> list = robot.lookup("#siteList").queryAs(ListView.class);
        return robot.from(list).lookup((Label l) -> site.equals(l.getText())).query();
    }

    private String mostUrgentSite() {
        return onFx(() -> workbench.main().visibleSites().get(0).site());
    }

    private void clickFirstAnomalyRow() {
        robot.clickOn(robot.lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getItem() != null && r.isVisible()).queryAs(
                        Node.class));
        waitUntil(5, "anomaly selected", () -> workbench.main().selectedAnomalyProperty()
                .get() != null);
    }

    @Test
    void aSiteWithAnIncidentShowsItsChartsMarkedAnomaliesAndDiagnoses() throws Exception {
        show(1);
        String site = mostUrgentSite();
        assertTrue(workbench.main().visibleSites().get(0).anomalies() > 0,
                "the first site has anomalies");

        robot.clickOn(siteCell(site));
        waitUntil(5, site + " selected", () -> site.equals(workbench.main().selectedSiteProperty()
                .get()));

        assertEquals(3, FxHarness.nodes("kpi-chart").size(), "one chart per KPI");
        assertFalse(FxHarness.nodes("anomaly-marker").isEmpty());
        TableView<?> table = robot.lookup("#anomalyTable").queryAs(TableView.class);
        assertTrue(onFx(() -> !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(r -> ((AnomalyRow) r).site().equals(site))));
        assertTrue(onFx(() -> table.getItems().stream().allMatch(r -> !((AnomalyRow) r).diagnosis()
                .isEmpty())),
                "the agent diagnosed every event");
    }

    @Test
    void anAcceptedRecommendationIsInTheFeedbackStore() throws Exception {
        show(1);
        robot.clickOn(siteCell(mostUrgentSite()));
        clickFirstAnomalyRow();
        AnomalyRow row = workbench.main().selectedAnomalyProperty().get();
        String action = onFx(() -> workbench.agent().selectedActionProperty().get().action().id());

        robot.clickOn("#noteField").write("seen in the payment logs");
        robot.clickOn("#acceptButton");
        waitUntil(10, "history shows the answer",
                () -> robot.lookup("#historyList").queryAs(ListView.class).getItems().size() == 1);

        // A second connection, as another tool would read it.
        try (FeedbackStore store = FeedbackStore.open(home.resolve("feedback.db"))) {
            List<FeedbackEntry> stored = store.feedback();
            assertEquals(1, stored.size());
            assertEquals(row.id(), stored.get(0).eventId());
            assertEquals(action, stored.get(0).actionId());
            assertEquals(Verdict.ACCEPT, stored.get(0).verdict());
            assertEquals("seen in the payment logs", stored.get(0).note());
        }
    }

    @Test
    void theExportedReportReadsBackWithEveryFlaggedPoint() throws Exception {
        show(1);
        Path out = home.resolve("out/report.csv");
        Files.createDirectories(out.getParent());
        picker.answer(out);

        robot.clickOn("#exportButton");
        waitUntil(10, "report written", () -> Files.isRegularFile(out) && Files.size(out) > 0);

        AnomalyReport report = AnomalyReport.read(out);
        List<AnomalyEvent> events = workbench.main().analysisProperty().get().events();
        assertEquals(events.stream().mapToInt(e -> e.points().size()).sum(), report.rows().size());
        assertTrue(report.rows().stream().allMatch(r -> !r.diagnosis().isEmpty()));
    }

    @Test
    void aTrainingRunKeepsTheWindowAnsweringAndStopsOnCancel() throws Exception {
        // Far more epochs than it will get: the run is cancelled after the first.
        show(500);
        String other = onFx(() -> workbench.main().visibleSites().get(3).site());
        robot.clickOn("Training");
        robot.clickOn("#pretrainButton");
        waitUntil(60, "an epoch done", () -> !workbench.training().epochs().isEmpty());

        long start = System.nanoTime();
        robot.clickOn(siteCell(other));
        waitUntil(3, "site selected during training", () -> other.equals(workbench.main()
                .selectedSiteProperty().get()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(workbench.training().runningProperty().get(), "still training after the click");
        assertTrue(millis < 3000, "the click was answered in " + millis + " ms");

        robot.clickOn("#cancelButton");
        waitUntil(30, "training stopped", () -> !workbench.training().runningProperty().get());
        assertNull(workbench.main().modelProperty().get(),
                "a cancelled run does not replace the model");
        assertTrue(onFx(() -> workbench.training().messageProperty().get().contains("cancelled")));
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertTrue(onFx(() -> loss.getData().get(0).getData().size() >= 1),
                "the loss curve is drawn");
    }

    @Test
    void aFinishedTrainingRunIsUsedForDetectionAtOnce() throws Exception {
        show(2);
        robot.clickOn("Training");
        robot.clickOn("#pretrainButton");

        waitUntil(120, "model in use and detection re-run", () -> workbench.main().modelProperty()
                .get() != null
                && "hybrid".equals(workbench.main().analysisProperty().get().method())
                && !workbench.main().busyProperty().get());
        assertEquals(2, workbench.training().epochs().size());
        assertTrue(Files.isRegularFile(home.resolve("models/pretrained.zip")),
                "the model is saved");
    }

    @Test
    void aBadCsvShowsItsProblemsInADialogAndKeepsTheOpenData() throws Exception {
        show(1);
        Path bad = Files.writeString(home.resolve("broken.csv"),
                "date,site,sessions\n2025-01-06,a,12\n2025-01-07,a,lots\n2025-13-01,a,3\n");
        picker.answer(bad);

        robot.clickOn("#openButton");

        waitUntil(10, "error dialog", () -> !FxHarness.nodes(ErrorDialog.STYLE_CLASS).isEmpty());
        ListView<?> problems = (ListView<?>) FxHarness.nodes("error-problems").get(0);
        List<String> lines = onFx(() -> problems.getItems().stream().map(Object::toString)
                .toList());
        assertTrue(lines.stream().anyMatch(l -> l.contains("broken.csv:3: column 'sessions'")),
                "names line 3: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("broken.csv:4: column 'date'")),
                "names line 4: " + lines);
        assertEquals(8, workbench.main().loadedProperty().get().dataset().siteCount(),
                "the open data stays");
        robot.clickOn("OK");
    }
}
