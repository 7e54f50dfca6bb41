package com.analyticscopilot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code copilot generate} and {@code copilot validate}: output and exit codes. */
class GenerateValidateCommandTest extends CliTestSupport {

    @TempDir
    Path dir;

    @Test
    void generateWritesTheThreeFilesAndSummarises() {
        Path target = dir.resolve("gen");

        int code = run("generate", "--sites", "6", "--days", "60", "--seed", "5", "--out",
                target.toString());

        assertEquals(CopilotCommand.OK, code, err::toString);
        assertTrue(Files.isRegularFile(target.resolve("kpis.csv")));
        assertTrue(Files.isRegularFile(target.resolve("kpis.roles.csv")));
        assertTrue(Files.isRegularFile(target.resolve("labels.csv")));
        assertTrue(out.toString().contains("6 sites x 60 days from 2025-01-06, seed 5"), out::toString);
        assertEquals("", err.toString());
    }

    @Test
    void generateTwiceWithOneSeedGivesTheSameBytes() throws IOException {
        run("generate", "--sites", "4", "--days", "50", "--seed", "9", "--start", "2024-03-04",
                "--out", dir.resolve("a").toString());
        run("generate", "--sites", "4", "--days", "50", "--seed", "9", "--start", "2024-03-04",
                "--out", dir.resolve("b").toString());

        assertArrayEquals(Files.readAllBytes(dir.resolve("a/kpis.csv")),
                Files.readAllBytes(dir.resolve("b/kpis.csv")));
        assertTrue(Files.readString(dir.resolve("a/kpis.csv")).contains("\n2024-03-04,site_01,"));
    }

    @Test
    void generateRefusesZeroSites() {
        int code = run("generate", "--sites", "0", "--out", dir.resolve("x").toString());

        assertEquals(CopilotCommand.BAD_INPUT, code);
        assertTrue(err.toString().contains("sites must be at least 1, got 0"), err::toString);
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void generateIntoAFileIsBadInput() throws IOException {
        Path file = dir.resolve("taken.csv");
        Files.writeString(file, "keep me");

        int code = run("generate", "--out", file.toString());

        assertEquals(CopilotCommand.BAD_INPUT, code);
        assertEquals("error: " + file + ": is a file; --out needs a folder", err.toString().strip());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void generateNeedsOut() {
        assertEquals(CopilotCommand.BAD_INPUT, run("generate"));
        assertTrue(err.toString().contains("--out"), err::toString);
    }

    @Test
    void validatePrintsWhatWasLoaded() {
        run("generate", "--sites", "3", "--days", "30", "--out", dir.toString());

        int code = run("validate", "--input", dir.resolve("kpis.csv").toString());

        assertEquals(CopilotCommand.OK, code, err::toString);
        String shown = out.toString();
        assertTrue(shown.contains("sites:   3 (site_01, site_02, site_03)"), shown);
        assertTrue(shown.contains("KPIs:    sessions (count), conversion_rate (ratio of sessions),"
                + " revenue (money)"), shown);
        assertTrue(shown.contains("range:   2025-01-06 to 2025-02-04"), shown);
        assertTrue(shown.contains("step:    daily"), shown);
        assertTrue(shown.contains("no warnings"), shown);
    }

    @Test
    void validateReportsGapsAndEmptyCells() throws IOException {
        Path file = dir.resolve("shop.csv");
        Files.writeString(file, """
                date,sessions
                2025-03-01,10
                2025-03-02,
                2025-03-05,12
                """);

        int code = run("validate", "--input", file.toString());

        assertEquals(CopilotCommand.OK, code, err::toString);
        String shown = out.toString();
        assertTrue(shown.contains("rows:    5 site-steps, 3 missing values"), shown);
        assertTrue(shown.contains("warning: column 'sessions': 1 empty cell kept as missing"
                + " (line 3)"), shown);
        assertTrue(shown.contains("warning: site 'shop': 2 missing daily steps in 1 gap (first"
                + " 2025-03-03 to 2025-03-04)"), shown);
    }

    @Test
    void validateOfABadFileExitsTwoWithLocatedErrors() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, """
                date,site,sessions
                2025-03-01,a,10
                2025-03-02,a,ten
                2025-03-02,a,11
                """);

        int code = run("validate", "--input", file.toString());

        assertEquals(CopilotCommand.BAD_INPUT, code);
        assertTrue(err.toString().startsWith("error: " + file + ":3: column 'sessions': cannot"
                + " read number 'ten'"), err::toString);
        assertFalse(err.toString().contains("Exception"), err::toString);
        assertFalse(out.toString().contains("ok"), out::toString);
    }

    @Test
    void validateOfAMissingFileExitsTwo() {
        int code = run("validate", "--input", dir.resolve("none.csv").toString());

        assertEquals(CopilotCommand.BAD_INPUT, code);
        assertEquals("error: " + dir.resolve("none.csv") + ": file not found",
                err.toString().strip());
    }
}
