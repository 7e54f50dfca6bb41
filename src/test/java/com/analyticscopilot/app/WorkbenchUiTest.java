package com.analyticscopilot.app;

import com.analyticscopilot.app.service.FeedbackState;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.support.FakeDatasets;
import com.analyticscopilot.app.support.FakeTraining;
import com.analyticscopilot.app.support.FxHarness;
import com.analyticscopilot.app.support.ScriptedFilePicker;
import com.analyticscopilot.app.support.TestServices;
import com.analyticscopilot.app.task.FxTaskExecutor;
import com.analyticscopilot.app.view.ErrorDialog;
import com.analyticscopilot.app.viewmodel.AnomalyRow;
import com.analyticscopilot.data.UserFolder;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
 * The real window, headless: the same {@link Workbench} wiring a user gets, the real executor,
 * clicks through TestFX. Services are small fakes so the test checks the workbench, not the
 * detector's tuning.
 */
class WorkbenchUiTest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();
    private final ScriptedFilePicker picker = new ScriptedFilePicker();
    private FxTaskExecutor executor;
    private TestServices fakes;
    private Workbench workbench;

    @BeforeAll
    static void startFx() throws Exception {
        FxHarness.start();
    }

    @BeforeEach
    void openWindow() throws Exception {
        System.setProperty(UserFolder.PROPERTY, home.toString());
        Files.createDirectories(home.resolve("sample-data"));
        FakeDatasets.write(home.resolve("sample-data/kpis.csv"), 8, 120);
        executor = new FxTaskExecutor();
    }

    private void show(FakeTraining training) throws Exception {
        fakes = new TestServices(home, training);
        WorkbenchPreferences prefs = WorkbenchPreferences.load(home);
        // Smaller than Monocle's default 1280 x 800 screen, so every control is on screen.
        prefs.setWindowSize(1260, 780);
        FxToolkit.setupStage(stage -> workbench = Workbench.show(stage, fakes.services, executor,
                prefs, UiText.load(), picker));
        FxHarness.runFx(() -> workbench.openInitialData());
        waitUntil(10, "sample data shown", () -> workbench.main().analysisProperty().get() != null
                && !workbench.main().busyProperty().get());
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxHarness.closeOtherWindows();
        if (workbench != null) {
            Stage stage = workbench.stage();
            FxHarness.runFx(stage::hide);
        }
        executor.shutdown();
        System.clearProperty(UserFolder.PROPERTY);
    }

    private Node siteCell(String site) {
        ListView<?> list = robot.lookup("#siteList").queryAs(ListView.class);
        return robot.from(list).lookup((Label l) -> site.equals(l.getText())).query();
    }

    @Test
    void theSampleDataOpensAndASelectedSiteShowsItsChartsAndAnomalies() throws Exception {
        show(new FakeTraining(1, 1, 0));

        robot.clickOn(siteCell("site-00"));
        waitUntil(5, "site-00 selected", () -> "site-00".equals(workbench.main()
                .selectedSiteProperty().get()));

        List<Node> charts = FxHarness.nodes("kpi-chart");
        assertEquals(3, charts.size(), "one chart per KPI");
        assertEquals("revenue", onFx(() -> ((LineChart<?, ?>) charts.get(2)).getTitle()));
        assertFalse(FxHarness.nodes("anomaly-marker").isEmpty(),
                "anomalies are marked on the charts");
        assertEquals(3, FxHarness.nodes("stl-chart").size(), "trend, seasonal and remainder");

        TableView<?> table = robot.lookup("#anomalyTable").queryAs(TableView.class);
        int rows = onFx(() -> table.getItems().size());
        assertTrue(rows > 0);
        assertTrue(onFx(() -> table.getItems().stream().allMatch(r -> ((AnomalyRow) r).site()
                .equals("site-00"))));
    }

    @Test
    void choosingAnAnomalyAndAcceptingItStoresTheFeedback() throws Exception {
        show(new FakeTraining(1, 1, 0));
        robot.clickOn(siteCell("site-00"));
        waitUntil(5, "anomalies of site-00", () -> workbench.main().visibleAnomalies().stream()
                .anyMatch(r -> r.site().equals("site-00")));

        robot.clickOn(robot.lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<?> r) -> r.getItem() != null && r.isVisible())
                        .queryAs(Node.class));
        waitUntil(5, "anomaly selected", () -> workbench.main().selectedAnomalyProperty()
                .get() != null);
        robot.clickOn("#noteField").write("refund the failed orders");
        robot.clickOn("#acceptButton");

        waitUntil(5, "feedback stored", () -> fakes.advisor.entries.size() == 1);
        assertEquals(com.analyticscopilot.app.service.Answer.ACCEPT, fakes.advisor.entries.get(0)
                .answer());
        assertEquals("refund the failed orders", fakes.advisor.entries.get(0).note());
        waitUntil(5, "row marked accepted",
                () -> workbench.main().selectedAnomalyProperty().get()
                        .feedback() == FeedbackState.ACCEPTED);
        waitUntil(5, "history shown", () -> robot.lookup("#historyList").queryAs(ListView.class)
                .getItems().size() == 1);
    }

    @Test
    void exportWritesTheReportWhereTheUserChose() throws Exception {
        show(new FakeTraining(1, 1, 0));
        Path out = home.resolve("export/report.csv");
        Files.createDirectories(out.getParent());
        picker.answer(out);

        robot.clickOn("#exportButton");

        waitUntil(5, "report written", () -> Files.isRegularFile(out) && Files.size(out) > 0);
        List<String> lines = Files.readAllLines(out);
        assertEquals(workbench.main().allAnomalies().size() + 1, lines.size());
    }

    @Test
    void theWindowAnswersClicksWhileTrainingRunsAndCancelStopsIt() throws Exception {
        // 200 batches of 25 ms: about five seconds unless cancelled.
        show(new FakeTraining(20, 10, 25));
        robot.clickOn("Training");
        robot.clickOn("#pretrainButton");
        waitUntil(5, "training running and an epoch done",
                () -> workbench.training().runningProperty().get() && !workbench.training().epochs()
                        .isEmpty());

        // The FX thread is free: a click on another site is handled at once.
        long start = System.nanoTime();
        robot.clickOn(siteCell("site-03"));
        waitUntil(2, "site-03 selected during training",
                () -> "site-03".equals(workbench.main().selectedSiteProperty().get()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(workbench.training().runningProperty().get(),
                "training still running after the click");
        assertTrue(millis < 2000, "click answered in " + millis + " ms");

        robot.clickOn("#cancelButton");
        waitUntil(5, "training stopped", () -> !workbench.training().runningProperty().get());
        assertTrue(fakes.training.stoppedByCancel);
        assertNull(workbench.main().modelProperty().get(),
                "a cancelled run does not replace the model");
        assertTrue(onFx(() -> robot.lookup("#lossChart").queryAs(LineChart.class).getData()
                .size() == 2));
    }

    @Test
    void aBadCsvShowsAnErrorDialogListingItsProblems() throws Exception {
        show(new FakeTraining(1, 1, 0));
        picker.answer(Files.writeString(home.resolve("broken.csv"), "site;sessions\nx;abc\n"));

        robot.clickOn("#openButton");

        waitUntil(5, "error dialog", () -> !FxHarness.nodes(ErrorDialog.STYLE_CLASS).isEmpty());
        ListView<?> problems = (ListView<?>) FxHarness.nodes("error-problems").get(0);
        assertEquals(2, onFx(() -> problems.getItems().size()));
        assertTrue(onFx(() -> problems.getItems().get(0).toString().startsWith("broken.csv:1")));
        assertEquals(8, workbench.main().loadedProperty().get().dataset().siteCount(),
                "the open data stays");
        robot.clickOn("OK");
        waitUntil(5, "dialog closed", () -> FxHarness.nodes(ErrorDialog.STYLE_CLASS).isEmpty());
    }

    @Test
    void searchFiltersTheSitesAndShortcutsReachTheirActions() throws Exception {
        show(new FakeTraining(1, 1, 0));

        robot.clickOn("#siteSearch").write("site-0");
        waitUntil(5, "search applied", () -> workbench.main().visibleSites().size() == 8);
        robot.eraseText(6).write("site-07");
        waitUntil(5, "one site left", () -> workbench.main().visibleSites().size() == 1);

        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        waitUntil(5, "portfolio scope", () -> workbench.main().portfolioScopeProperty().get());

        int runs = fakes.detection.runs;
        robot.press(KeyCode.CONTROL, KeyCode.UP).release(KeyCode.UP, KeyCode.CONTROL);
        waitUntil(5, "re-scored at a higher sensitivity", () -> fakes.detection.runs > runs
                && Math.abs(fakes.detection.lastSensitivity - 0.55) < 1e-9);
    }

    @Test
    void hoveringAnAnomalyShowsItsNumbersAndDiagnosis() throws Exception {
        show(new FakeTraining(1, 1, 0));
        robot.clickOn(siteCell("site-00"));
        waitUntil(5, "markers drawn", () -> !FxHarness.nodes("anomaly-marker").isEmpty());

        robot.moveTo(FxHarness.nodes("anomaly-marker").get(0));

        waitUntil(5, "tooltip shown", () -> FxHarness.nodes("tooltip").stream()
                .anyMatch(n -> n instanceof Label));
        String tip = onFx(() -> FxHarness.nodes("tooltip").stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).findFirst().orElse(""));
        assertTrue(tip.startsWith("2026-"), tip);
        assertTrue(tip.contains("expected: "), tip);
        assertTrue(tip.contains("severity: "), tip);
        assertTrue(tip.contains("diagnosis: Checkout or funnel failure")
                || tip.contains("diagnosis: Traffic spike"), tip);
    }

    @Test
    void closingTheWindowRemembersItsSizeTheFileAndTheSensitivity() throws Exception {
        show(new FakeTraining(1, 1, 0));
        FxHarness.runFx(() -> {
            workbench.stage().setWidth(1100);
            workbench.stage().setHeight(720);
        });
        FxHarness.runFx(() -> workbench.main().sensitivityProperty().set(0.8));
        double width = onFx(() -> workbench.stage().getWidth());

        FxHarness.runFx(workbench.stage()::hide);

        WorkbenchPreferences saved = WorkbenchPreferences.load(home);
        assertEquals(width, saved.width(), 1e-6);
        assertEquals(0.8, saved.sensitivity(), 1e-12);
        assertEquals(home.resolve("sample-data/kpis.csv").toAbsolutePath(), saved.dataFile()
                .orElseThrow());
    }
}
