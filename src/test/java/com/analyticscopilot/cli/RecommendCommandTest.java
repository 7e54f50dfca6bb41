package com.analyticscopilot.cli;

import com.analyticscopilot.data.generate.GeneratedData;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code copilot recommend} end to end: generated KPIs, detection, diagnosis, feedback. */
class RecommendCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String homeBefore;
    private Path kpis;
    private Path db;

    @BeforeEach
    void data() {
        homeBefore = System.getProperty("copilot.home");
        System.setProperty("copilot.home", folder.resolve("home").toString());
        // 12 sites x 120 days: small enough for a second of detection, long enough for STL.
        GeneratedData data = SyntheticKpis.generate(GeneratorSettings.defaults().withSites(12)
                .withDays(120).withSeed(5));
        data.writeTo(folder.resolve("data"));
        kpis = folder.resolve("data").resolve(GeneratedData.KPIS_FILE);
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

    /** The first site of the generated data with at least one anomaly, and its first id. */
    private long firstRecommendation() {
        for (int s = 1; s <= 12; s++) {
            String site = String.format("site_%02d", s);
            assertEquals(0, run("recommend", "--input", kpis.toString(), "--site", site,
                    "--db", db.toString()), err::toString);
            Matcher id = Pattern.compile("\\n    \\[(\\d+)] ").matcher(out.toString());
            if (id.find()) {
                return Long.parseLong(id.group(1));
            }
        }
        throw new AssertionError("no site with anomalies in the generated data");
    }

    @Test
    void recommendsStoresIdsAndTakesFeedbackOnThem() {
        long id = firstRecommendation();
        String printed = out.toString();

        assertTrue(printed.contains(" on site_"), printed);
        assertTrue(printed.contains("Answer with: copilot feedback accept ID"), printed);
        assertEquals(0, run("feedback", "accept", Long.toString(id), "--db", db.toString()));
        assertEquals(0, run("feedback", "list", "--db", db.toString()));
        assertTrue(out.toString().contains("accept"), out.toString());
    }

    @Test
    void brokenUserPlaybookIsReportedWithLineAndTheShippedOneIsUsed() throws Exception {
        Path home = Files.createDirectories(folder.resolve("home"));
        Files.writeString(home.resolve("playbook.txt"), "rule x\n  diagnosis: X\n  when: count"
                + " sideways\n");

        firstRecommendation();

        assertTrue(err.toString().contains("warning: " + home.resolve("playbook.txt")
                + ":3: unknown direction 'sideways'"), err.toString());
        assertTrue(err.toString().contains("using the shipped playbook"), err.toString());
    }

    @Test
    void unknownSiteIsBadInput() {
        assertEquals(CopilotCommand.BAD_INPUT, run("recommend", "--input", kpis.toString(),
                "--site", "nowhere", "--db", db.toString()));
        assertTrue(err.toString().contains("no site 'nowhere'"), err.toString());
    }

    @Test
    void missingInputIsBadInput() {
        assertEquals(CopilotCommand.BAD_INPUT, run("recommend", "--input",
                folder.resolve("none.csv").toString(), "--site", "site_01", "--db", db.toString()));
        assertTrue(err.toString().startsWith("error: "), err.toString());
    }
}
