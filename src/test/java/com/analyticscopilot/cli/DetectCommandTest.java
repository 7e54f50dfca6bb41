package com.analyticscopilot.cli;

import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import com.analyticscopilot.report.AnomalyReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectCommandTest extends CliTestSupport {

    @TempDir
    Path dir;

    @BeforeEach
    void data() {
        SyntheticKpis.generate(GeneratorSettings.defaults().withSites(8).withDays(120)
                .withSeed(5)).writeTo(dir.resolve("data"));
    }

    @Test
    void detectWritesASortedReportThatReadsBack() {
        Path report = dir.resolve("report.csv");

        int code = run("detect", "--input", dir.resolve("data/kpis.csv").toString(),
                "--output", report.toString());

        assertEquals(CopilotCommand.OK, code, err.toString());
        assertTrue(Files.exists(report));
        AnomalyReport back = AnomalyReport.read(report);
        assertFalse(back.rows().isEmpty(), "the generated incidents are found");
        assertEquals(back.rows().stream().sorted(AnomalyReport.ORDER).toList(), back.rows());
        assertTrue(out.toString().contains("method:  stl"), out.toString());
        assertTrue(back.rows().stream().allMatch(r -> !r.diagnosis().isEmpty()
                && !r.action().isEmpty()), "the agent fills diagnosis and action");
    }

    @Test
    void withoutAdviceTheAgentColumnsStayEmpty() {
        Path report = dir.resolve("plain.csv");

        int code = run("detect", "--input", dir.resolve("data/kpis.csv").toString(),
                "--output", report.toString(), "--no-advice");

        assertEquals(CopilotCommand.OK, code, err.toString());
        assertTrue(AnomalyReport.read(report).rows().stream()
                .allMatch(r -> r.diagnosis().isEmpty() && r.action().isEmpty()));
    }

    @Test
    void hybridWithoutAModelFallsBackAndSaysSo() {
        int code = run("detect", "--input", dir.resolve("data/kpis.csv").toString(),
                "--output", dir.resolve("r.csv").toString(), "--method", "hybrid");

        assertEquals(CopilotCommand.OK, code, err.toString());
        assertTrue(out.toString().contains("falling back to STL"), out.toString());
    }

    @Test
    void badOptionsAndInputsAreExitTwoWithAMessage() {
        assertEquals(CopilotCommand.BAD_INPUT, run("detect", "--input",
                dir.resolve("data/kpis.csv").toString(), "--output", "r.csv", "--method", "x"));
        assertTrue(err.toString().contains("--method"), err.toString());
        assertEquals(CopilotCommand.BAD_INPUT, run("detect", "--input",
                dir.resolve("data/kpis.csv").toString(), "--output", "r.csv",
                "--sensitivity", "9"));
        assertTrue(err.toString().contains("sensitivity"), err.toString());
        assertEquals(CopilotCommand.BAD_INPUT, run("detect", "--input",
                dir.resolve("nope.csv").toString(), "--output", "r.csv"));
        assertEquals(CopilotCommand.BAD_INPUT, run("detect", "--input",
                dir.resolve("data/kpis.csv").toString(), "--output", "r.csv",
                "--model", dir.resolve("missing.zip").toString()));
        assertTrue(err.toString().contains("missing.zip"), err.toString());
    }

    @Test
    void evaluatePrintsPrecisionRecallF1AndRecallByType() {
        int code = run("evaluate", "--input", dir.resolve("data/kpis.csv").toString(),
                "--labels", dir.resolve("data/labels.csv").toString());

        assertEquals(CopilotCommand.OK, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("precision") && text.contains("recall") && text.contains("F1"),
                text);
        assertTrue(text.contains("recall by type:"), text);
        assertTrue(text.contains("stl"), text);
    }
}
