package com.analyticscopilot.cli;

import com.analyticscopilot.agent.Agent;
import com.analyticscopilot.agent.Events;
import com.analyticscopilot.agent.FeedbackStore;
import com.analyticscopilot.agent.playbook.Playbook;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.AnomalyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.analyticscopilot.data.KpiRole.COUNT;
import static com.analyticscopilot.data.KpiRole.MONEY;
import static com.analyticscopilot.data.KpiRole.RATIO;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code copilot recommend}'s output and {@code copilot feedback} on a real store. */
class FeedbackCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String homeBefore;
    private Path db;

    @BeforeEach
    void home() {
        homeBefore = System.getProperty("copilot.home");
        System.setProperty("copilot.home", folder.toString());
        db = folder.resolve("fb.db");
    }

    @AfterEach
    void restore() {
        if (homeBefore == null) {
            System.clearProperty("copilot.home");
        } else {
            System.setProperty("copilot.home", homeBefore);
        }
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = CopilotCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static AnomalyEvent trafficLoss() {
        return Events.on("shop-01").flagged("sessions", COUNT, -72)
                .steady("conversion_rate", RATIO, -2).flagged("revenue", MONEY, -70).days(3).build();
    }

    /** Runs the recommend printer on a crafted portfolio and returns the printed ids in order. */
    private List<Long> recommend() {
        StringWriter printed = new StringWriter();
        try (FeedbackStore store = FeedbackStore.open(db)) {
            Agent agent = new Agent(Playbook.shipped(), store, TimeStep.DAILY);
            AnomalyEvent other = Events.on("shop-02").flagged("sessions", COUNT, 90).build();
            RecommendCommand.print(agent, List.of(trafficLoss(), other), "shop-01",
                    new PrintWriter(printed, true));
        }
        out.getBuffer().setLength(0);
        out.append(printed.toString());
        Matcher ids = Pattern.compile("\\[(\\d+)] ").matcher(printed.toString());
        List<Long> found = new java.util.ArrayList<>();
        while (ids.find()) {
            found.add(Long.parseLong(ids.group(1)));
        }
        return found;
    }

    @Test
    void recommendPrintsDiagnosisRationaleAndNumberedActionsOfTheSiteOnly() {
        List<Long> ids = recommend();
        String text = out.toString();

        assertTrue(text.startsWith("1 anomaly on shop-01."), text);
        assertTrue(text.contains("Traffic loss (tracking outage or lost source) [traffic-loss]"), text);
        assertTrue(text.contains("sessions -72 % for 3 days while conversion_rate held within its noise (-2 %)"), text);
        assertTrue(text.contains("] Check that the analytics tag fires"), text);
        assertTrue(!text.contains("shop-02"), text);
        assertEquals(4, ids.size());
        // Printing again shows the same ids: they are stable handles for feedback.
        assertEquals(ids, recommend());
    }

    @Test
    void recommendShowsMarketWideEventsTheSiteTookPartIn() {
        StringWriter printed = new StringWriter();
        try (FeedbackStore store = FeedbackStore.open(db)) {
            Agent agent = new Agent(Playbook.shipped(), store, TimeStep.DAILY);
            AnomalyEvent holiday = Events.on("portfolio").flagged("sessions", COUNT, -45)
                    .sharedWith(30).pointsOn("shop-01", "shop-03").build();
            AnomalyEvent elsewhere = Events.on("portfolio").flagged("sessions", COUNT, 45)
                    .sharedWith(30).pointsOn("shop-02").build();
            RecommendCommand.print(agent, List.of(trafficLoss(), holiday, elsewhere), "shop-01",
                    new PrintWriter(printed, true));
        }

        String text = printed.toString();
        assertTrue(text.startsWith("2 anomalies on shop-01."), text);
        assertTrue(text.contains("Market-wide event [market-wide]"), text);
        assertTrue(text.contains("30 sites moved together"), text);
    }

    @Test
    void acceptStoresTheClickAndListShowsIt() {
        long id = recommend().get(0);

        assertEquals(0, run("feedback", "accept", Long.toString(id), "--note", "tag fixed",
                "--db", db.toString()));
        assertTrue(out.toString().contains("accepted recommendation " + id
                + " (traffic-loss / check-tracking on shop-01/2026-03-02T00:00)"), out.toString());

        assertEquals(0, run("feedback", "list", "--db", db.toString()));
        assertTrue(out.toString().contains("accept"), out.toString());
        assertTrue(out.toString().contains("(tag fixed)"), out.toString());
    }

    @Test
    void rejectedActionIsRankedLowerNextTimeWithItsReason() {
        long first = recommend().get(0);
        assertEquals(0, run("feedback", "reject", Long.toString(first), "--db", db.toString()));

        recommend();

        String text = out.toString();
        int tracking = text.indexOf("Check that the analytics tag");
        int sources = text.indexOf("Compare traffic by source");
        assertTrue(sources < tracking, text);
        assertTrue(text.contains("<- rejected 1 of 1 time on this site"), text);
    }

    @Test
    void notAnomalyRaisesThresholdsShowsTheLogAndUndoWorks() {
        long id = recommend().get(1);

        assertEquals(0, run("feedback", "reject", Long.toString(id), "--not-anomaly",
                "--db", db.toString()));
        assertTrue(out.toString().contains("Threshold of sessions on shop-01 raised by 0.50, now"
                + " +0.50 (undo: copilot feedback undo 1)"), out.toString());

        assertEquals(0, run("feedback", "thresholds", "--db", db.toString()));
        assertTrue(out.toString().contains("active / not an anomaly: shop-01/2026-03-02T00:00"),
                out.toString());
        assertTrue(out.toString().contains("shop-01 revenue +0.50"), out.toString());

        assertEquals(0, run("feedback", "undo", "1", "--db", db.toString()));
        assertEquals(0, run("feedback", "thresholds", "--db", db.toString()));
        assertTrue(out.toString().contains("undone "), out.toString());
        assertTrue(!out.toString().contains("shop-01 sessions +0.50"), out.toString());

        assertEquals(CopilotCommand.BAD_INPUT, run("feedback", "undo", "1", "--db", db.toString()));
        assertTrue(err.toString().contains("already undone"), err.toString());
    }

    @Test
    void exportWritesEveryClickAsCsv() throws Exception {
        List<Long> ids = recommend();
        run("feedback", "accept", ids.get(0).toString(), "--note", "yes, \"the tag\", really",
                "--db", db.toString());
        run("feedback", "not-anomaly", ids.get(2).toString(), "--db", db.toString());
        Path csv = folder.resolve("out.csv");

        assertEquals(0, run("feedback", "export", csv.toString(), "--db", db.toString()));

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertEquals("id,recommendation_id,created_at,verdict,site,event_id,rule_id,action_id,note,"
                + "product_version", lines.get(0));
        assertTrue(lines.get(1).contains(",accept,shop-01,shop-01/2026-03-02T00:00,traffic-loss,"
                + "check-tracking,\"yes, \"\"the tag\"\", really\","), lines.get(1));
        assertTrue(lines.get(2).contains(",not_anomaly,"), lines.get(2));
    }

    @Test
    void unknownIdIsBadInputNamingTheDatabase() {
        recommend();

        assertEquals(CopilotCommand.BAD_INPUT, run("feedback", "accept", "999", "--db", db.toString()));
        assertTrue(err.toString().startsWith("error: " + db + ": there is no recommendation with"
                + " id 999"), err.toString());
    }

    @Test
    void corruptDatabaseIsBadInputAndStaysAsItWas() throws Exception {
        Files.writeString(db, "this is not a database");
        byte[] before = Files.readAllBytes(db);

        assertEquals(CopilotCommand.BAD_INPUT, run("feedback", "list", "--db", db.toString()));

        assertTrue(err.toString().startsWith("error: " + db + ": is not a feedback database"),
                err.toString());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void defaultDatabaseIsInTheUserFolder() {
        assertEquals(0, run("feedback", "list"));

        assertTrue(out.toString().contains("No feedback yet in " + folder.resolve("feedback.db")),
                out.toString());
    }

    @Test
    void feedbackWithoutSubcommandIsBadUsage() {
        assertEquals(CopilotCommand.BAD_INPUT, run("feedback"));
        assertTrue(err.toString().contains("Missing subcommand"), err.toString());
    }
}
