package com.analyticscopilot.app.service;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorReportTest {

    @Test
    void badInputBecomesAListOfProblems() {
        InvalidInputException bad = new InvalidInputException(List.of(
                new InputProblem("kpis.csv", 3, "revenue", "'x' is not a number"),
                new InputProblem("kpis.csv", 9, null, "date 2026-02-30 does not exist")));

        ErrorReport report = ErrorReport.of("Opening kpis.csv", new ExecutionException(bad));

        assertTrue(report.summary().startsWith(
                "Opening kpis.csv failed: the input has 2 problems"));
        assertEquals(List.of("kpis.csv:3: column 'revenue': 'x' is not a number",
                "kpis.csv:9: date 2026-02-30 does not exist"), report.problems());
    }

    @Test
    void aMissingFileIsNamedAndDetailsHaveNoStackTrace() {
        ErrorReport report = ErrorReport.of("Opening", new NoSuchFileException("/tmp/gone.csv"));

        assertEquals("Opening failed: the file /tmp/gone.csv does not exist.", report.summary());
        assertTrue(report.problems().isEmpty());
        assertFalse(report.details().contains("\tat "));
        assertTrue(report.details().contains("copilot.log"), "details point at the log file");
    }

    @Test
    void anUnexpectedFailureSaysNothingWasLost() {
        ErrorReport report = ErrorReport.of("Detection", new IllegalStateException(
                "matrix is singular"));

        assertTrue(report.summary().contains("matrix is singular"));
        assertTrue(report.summary().contains("unchanged"));
        assertTrue(report.details().contains(
                "java.lang.IllegalStateException: matrix is singular"));
    }
}
