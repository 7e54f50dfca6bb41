package com.analyticscopilot.app.viewmodel;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.FeedbackState;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.support.FakeDatasets;
import com.analyticscopilot.app.support.FakeTraining;
import com.analyticscopilot.app.support.RecordingErrors;
import com.analyticscopilot.app.support.TestServices;
import com.analyticscopilot.app.task.CurrentThreadTaskExecutor;
import com.analyticscopilot.detect.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main view model driven with a same-thread executor: no JavaFX toolkit involved. */
class MainViewModelTest {

    @TempDir
    Path home;

    private TestServices fakes;
    private RecordingErrors errors;
    private WorkbenchPreferences prefs;
    private MainViewModel model;

    @BeforeEach
    void setUp() {
        fakes = new TestServices(home, new FakeTraining(2, 2, 0));
        errors = new RecordingErrors();
        prefs = WorkbenchPreferences.load(home);
        model = new MainViewModel(fakes.services, new CurrentThreadTaskExecutor(), errors, prefs,
                UiText.load());
    }

    @Test
    void openingAFileListsTheSitesMostUrgentFirstAndSelectsTheFirst() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 6, 90));

        List<SiteRow> sites = model.visibleSites();
        assertEquals(6, sites.size());
        List<SiteRow> sorted = new ArrayList<>(sites);
        sorted.sort(SiteRow.BY_ATTENTION);
        assertEquals(sorted, sites, "site list must be in attention order");
        assertTrue(List.of("site-00", "site-01").contains(sites.get(0).site()),
                "a site with an injected anomaly comes first, got " + sites.get(0));
        assertEquals(Severity.CRITICAL, sites.get(0).worst());
        assertEquals(sites.get(0).site(), model.selectedSiteProperty().get());
        assertNotNull(model.selectedTraceProperty().get());
        assertEquals(3, model.selectedTraceProperty().get().kpis().size());
        assertFalse(model.busyProperty().get());
        assertTrue(errors.shown.isEmpty());
    }

    @Test
    void theAnomalyTableShowsTheSelectedSiteOrThePortfolio() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 6, 90));
        model.selectedSiteProperty().set("site-00");

        assertFalse(model.visibleAnomalies().isEmpty());
        assertTrue(model.visibleAnomalies().stream().allMatch(r -> r.site().equals("site-00")));
        assertTrue(model.visibleAnomalies().stream().anyMatch(r -> r.date().toString().equals(
                "2026-03-06")),
                "the injected drop on day 60 is an event: " + model.visibleAnomalies());

        model.portfolioScopeProperty().set(true);
        assertEquals(model.allAnomalies().size(), model.visibleAnomalies().size());
        assertTrue(model.visibleAnomalies().stream().map(AnomalyRow::site).distinct().count() >= 2);
    }

    @Test
    void filtersNarrowTheTableBySeverityKpiDiagnosisAndFeedback() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 6, 90));
        model.portfolioScopeProperty().set(true);
        int all = model.visibleAnomalies().size();

        model.kpiFilterProperty().set("revenue");
        assertTrue(model.visibleAnomalies().stream().allMatch(r -> r.flaggedKpis().contains(
                "revenue")));
        assertTrue(model.visibleAnomalies().size() < all);
        model.kpiFilterProperty().set(null);

        model.minimumSeverityProperty().set(Severity.CRITICAL);
        assertTrue(model.visibleAnomalies().stream().allMatch(r
                -> r.severity() == Severity.CRITICAL));
        model.minimumSeverityProperty().set(null);

        model.diagnosisFilterProperty().set("Traffic spike");
        assertTrue(model.visibleAnomalies().stream().allMatch(r -> r.diagnosis().equals(
                "Traffic spike")));
        assertFalse(model.visibleAnomalies().isEmpty());
        model.diagnosisFilterProperty().set(null);

        String id = model.visibleAnomalies().get(0).id();
        model.feedbackGiven(id, FeedbackState.ACCEPTED);
        model.feedbackFilterProperty().set(FeedbackState.ACCEPTED);
        assertEquals(1, model.visibleAnomalies().size());
        assertEquals(id, model.visibleAnomalies().get(0).id());
    }

    @Test
    void selectingAnAnomalySelectsItsSiteAndDate() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 6, 90));
        model.selectedSiteProperty().set("site-05");
        AnomalyRow drop = model.allAnomalies().stream().filter(r -> r.site().equals("site-00"))
                .findFirst().orElseThrow();

        model.selectedAnomalyProperty().set(drop);

        assertEquals("site-00", model.selectedSiteProperty().get());
        assertEquals("site-00", model.selectedTraceProperty().get().site());
        assertEquals(drop.event().start(), model.focusTimeProperty().get());
        assertEquals(drop, model.selectedAnomalyProperty().get(),
                "selecting the site must keep the anomaly");
    }

    @Test
    void searchKeepsMatchingSitesOnly() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 12, 60));

        model.siteSearchProperty().set("SITE-1");

        assertEquals(List.of("site-10", "site-11"), model.visibleSites().stream().map(SiteRow::site)
                .sorted().toList());
    }

    @Test
    void movingTheSensitivityScoresAgainAndIsRemembered() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 4, 90));
        int before = fakes.detection.runs;
        int eventsBefore = model.allAnomalies().size();

        model.sensitivityProperty().set(0.95);

        assertEquals(before + 1, fakes.detection.runs);
        assertEquals(0.95, fakes.detection.lastSensitivity, 1e-12);
        assertTrue(model.allAnomalies().size() >= eventsBefore,
                "a higher sensitivity never flags less");
        assertEquals(0.95, WorkbenchPreferences.load(home).sensitivity(), 1e-12,
                "the sensitivity is saved with the data file at the next save");
    }

    @Test
    void aBadFileShowsItsProblemsAndKeepsTheOpenData() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 3, 60));
        Path bad = Files.writeString(home.resolve("bad.csv"), "site,sessions\nx,abc\n");

        model.open(bad);

        assertEquals(1, errors.shown.size());
        assertEquals(2, errors.shown.get(0).problems().size());
        assertTrue(errors.shown.get(0).problems().get(0).startsWith("bad.csv:1"));
        assertFalse(errors.shown.get(0).details().contains("\tat "), "no stack trace for the user");
        assertEquals(3, model.loadedProperty().get().dataset().siteCount(), "the open data stays");
        assertFalse(model.busyProperty().get());
    }

    @Test
    void withoutARememberedFileTheSampleDataOpensAndIsRememberedAfterwards() throws Exception {
        Files.createDirectories(home.resolve("sample-data"));
        Path sample = FakeDatasets.write(home.resolve("sample-data/kpis.csv"), 5, 60);

        model.openInitial();

        assertEquals(sample, model.loadedProperty().get().file());
        assertEquals(sample.toAbsolutePath(), WorkbenchPreferences.load(home).dataFile()
                .orElseThrow());
    }

    @Test
    void aRememberedFileOpensInsteadOfTheSample() throws Exception {
        Files.createDirectories(home.resolve("sample-data"));
        FakeDatasets.write(home.resolve("sample-data/kpis.csv"), 5, 60);
        Path mine = FakeDatasets.write(home.resolve("mine.csv"), 2, 60);
        prefs.setDataFile(mine);

        model.openInitial();

        assertEquals(mine, model.loadedProperty().get().file());
    }

    @Test
    void noSampleDataIsReportedNotThrown() {
        model.openSample();

        assertEquals(1, errors.shown.size());
        assertTrue(errors.shown.get(0).summary().contains("sample-data/kpis.csv"));
        assertNull(model.loadedProperty().get());
    }

    @Test
    void exportWritesEveryEvent() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 4, 90));
        Path out = home.resolve("report.csv");

        model.exportReport(out);

        List<String> lines = Files.readAllLines(out);
        assertEquals(model.allAnomalies().size() + 1, lines.size());
        assertTrue(model.statusProperty().get().contains("report.csv"));
    }

    @Test
    void aTrainedModelIsUsedForDetectionAtOnce() throws Exception {
        model.open(FakeDatasets.write(home.resolve("kpis.csv"), 3, 60));
        FakeTraining.FakeModel trained = new FakeTraining.FakeModel("test");

        model.useModel(trained, "test model");

        assertEquals(trained, fakes.detection.lastScorer);
        assertEquals("hybrid", model.analysisProperty().get().method());
    }
}
