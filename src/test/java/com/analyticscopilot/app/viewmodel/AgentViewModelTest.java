package com.analyticscopilot.app.viewmodel;

import com.analyticscopilot.app.UiText;
import com.analyticscopilot.app.service.Answer;
import com.analyticscopilot.app.service.FeedbackState;
import com.analyticscopilot.app.service.WorkbenchPreferences;
import com.analyticscopilot.app.support.FakeDatasets;
import com.analyticscopilot.app.support.FakeTraining;
import com.analyticscopilot.app.support.RecordingErrors;
import com.analyticscopilot.app.support.TestServices;
import com.analyticscopilot.app.task.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentViewModelTest {

    @TempDir
    Path home;

    private TestServices fakes;
    private MainViewModel main;
    private AgentViewModel agent;

    @BeforeEach
    void setUp() throws Exception {
        fakes = new TestServices(home, new FakeTraining(1, 1, 0));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        RecordingErrors errors = new RecordingErrors();
        UiText text = UiText.load();
        main = new MainViewModel(fakes.services, executor, errors, WorkbenchPreferences.load(home),
                text);
        agent = new AgentViewModel(main, fakes.advisor, executor, errors, text);
        main.open(FakeDatasets.write(home.resolve("kpis.csv"), 4, 90));
    }

    private AnomalyRow drop() {
        return main.allAnomalies().stream()
                .filter(r -> r.site().equals("site-00") && r.flaggedKpis().contains("revenue"))
                .findFirst().orElseThrow();
    }

    @Test
    void selectingAnAnomalyShowsItsDiagnosisAndRankedActions() {
        AnomalyRow opened = main.selectedAnomalyProperty().get();
        assertEquals(main.selectedSiteProperty().get(), opened.site(),
                "opening selects the first site's most urgent anomaly, so advice shows at once");
        assertFalse(agent.actions().isEmpty());
        main.selectedAnomalyProperty().set(null);
        assertFalse(agent.canAnswerBinding().get(), "nothing to answer without an anomaly");

        main.selectedAnomalyProperty().set(drop());

        assertEquals("Checkout or funnel failure", agent.diagnosisProperty().get());
        assertEquals(2, agent.actions().size());
        assertEquals("check-payments", agent.selectedActionProperty().get().action().id());
        assertTrue(agent.rankingProperty().get().contains("playbook order"));
        assertTrue(agent.canAnswerBinding().get());
    }

    @Test
    void rejectingStoresTheNoteReordersTheActionsAndMarksTheRow() {
        AnomalyRow row = drop();
        main.selectedAnomalyProperty().set(row);
        agent.noteProperty().set("payments were fine");

        agent.reject();

        assertEquals(1, fakes.advisor.entries.size());
        assertEquals("payments were fine", fakes.advisor.entries.get(0).note());
        assertEquals(Answer.REJECT, fakes.advisor.entries.get(0).answer());
        assertEquals("check-release", agent.actions().get(0).action().id(),
                "the rejected action drops");
        assertTrue(agent.rankingProperty().get().contains("rejected 1 time"));
        assertEquals(FeedbackState.REJECTED, main.selectedAnomalyProperty().get().feedback());
        assertEquals(1, agent.history().size());
        assertEquals("", agent.noteProperty().get());
    }

    @Test
    void acceptingMarksTheEventAccepted() {
        main.selectedAnomalyProperty().set(drop());

        agent.accept();

        assertEquals(Answer.ACCEPT, fakes.advisor.entries.get(0).answer());
        assertEquals(FeedbackState.ACCEPTED, main.allAnomalies().stream()
                .filter(r -> r.id().equals(drop().id())).findFirst().orElseThrow().feedback());
    }

    @Test
    void theHeadlineNamesTheEventAndItsMoneyImpact() {
        AnomalyRow row = drop();
        main.selectedAnomalyProperty().set(row);

        String headline = agent.headlineProperty().get();
        assertTrue(headline.startsWith("site-00 from " + row.date()), headline);
        assertTrue(headline.contains("severity " + row.severity().label()), headline);
        // The test detector reports no money impact (NaN): nothing is claimed.
        assertFalse(headline.contains("money"), headline);
    }
}
