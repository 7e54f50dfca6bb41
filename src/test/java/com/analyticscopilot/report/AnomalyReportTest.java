package com.analyticscopilot.report;

import com.analyticscopilot.agent.Advisor;
import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.Severity;
import com.analyticscopilot.detect.ThresholdAdjustments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnomalyReportTest {

    private static final Row ROW = new Row("=HYPERLINK(\"x\")", "2025-01-02", "conv, rate",
            0.5, 0.25, 6.5, Double.NaN, 6.5, Severity.HIGH, "Line one\nline \"two\"",
            "-1 then @sum", "'quoted/2025-01-02", 12.5);

    private record Row(String site, String date, String kpi, double value, double expected,
                       double stl, double lstm, double score, Severity severity,
                       String diagnosis, String action, String eventId, double impact) {
        AnomalyReport.Row toReport() {
            return new AnomalyReport.Row(site, date, kpi, value, expected, stl, lstm, score,
                    severity, diagnosis, action, eventId, impact);
        }
    }

    @Test
    void writesAndReadsBackExactlyWithHostileText(@TempDir Path dir) throws IOException {
        AnomalyReport.Row row = ROW.toReport();
        AnomalyReport.Row plain = new AnomalyReport.Row("b", "2025-01-03", "sessions", 10, 20,
                -7, -8, -9.25, Severity.CRITICAL, "", "", "b/2025-01-03", Double.NaN);
        AnomalyReport report = new AnomalyReport(List.of(row, plain));
        Path file = dir.resolve("report.csv");

        report.write(file);
        AnomalyReport back = AnomalyReport.read(file);

        assertEquals(report.rows(), back.rows());
        assertEquals(Severity.CRITICAL, back.rows().get(0).severity(), "sorted by severity");
    }

    @Test
    void estimatesAndScoresAreRoundedObservedValuesAreNot() throws IOException {
        AnomalyReport.Row row = new AnomalyReport.Row("a", "2025-01-02", "revenue", 1234.57,
                2864.793275867618, -22.757669705784654, Double.NaN, -6.955144160163469,
                Severity.HIGH, "", "", "a/2025-01-02", 5578.389546906208);
        StringWriter out = new StringWriter();

        new AnomalyReport(List.of(row)).write(out);

        String line = out.toString().lines().skip(1).findFirst().orElseThrow();
        assertEquals("a,2025-01-02,revenue,1234.57,2864.79,-22.758,,-6.955,high,,,a/2025-01-02,5578.39",
                line);
    }

    @Test
    void textCellsCannotRunAsFormulas() throws IOException {
        StringWriter out = new StringWriter();

        new AnomalyReport(List.of(ROW.toReport())).write(out);

        String[] lines = out.toString().split("\r\n");
        assertEquals(String.join(",", AnomalyReport.COLUMNS), lines[0]);
        assertTrue(lines[1].startsWith("\"'=HYPERLINK(\"\"x\"\")\",2025-01-02,\"conv, rate\","),
                lines[1]);
        assertTrue(out.toString().contains(",'-1 then @sum,"), out.toString());
        assertTrue(out.toString().contains(",''quoted/2025-01-02,12.5"), out.toString());
        for (String cell : new String[] {"=1+2", "+1", "-1", "@x", "\tx", "'x", "ok"}) {
            assertEquals(cell, Csv.restore(Csv.neutralise(cell)));
        }
    }

    @Test
    void aBrokenReportNamesLineAndColumn() {
        String text = String.join(",", AnomalyReport.COLUMNS) + "\n"
                + "a,2025-01-01,sessions,ten,1,1,,1,high,,,a/2025-01-01,\n"
                + "a,2025-01-01,sessions,1,1,1,,1,urgent,,,a/2025-01-01,\n";

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AnomalyReport.read(new StringReader(text), "r.csv"));

        assertEquals(2, e.problems().size());
        assertEquals(2, e.problems().get(0).line());
        assertEquals("value", e.problems().get(0).column());
        assertEquals("severity", e.problems().get(1).column());
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> AnomalyReport.read(new StringReader("site,date\n"), "r.csv"));
        assertTrue(missing.problems().stream().anyMatch(p -> "score".equals(p.column())));
    }

    @Test
    void reportOfADetectionRunCarriesAdviceAndIsSorted() {
        Random random = new Random(3);
        int days = 120;
        double[][] v = new double[2][days];
        for (int t = 0; t < days; t++) {
            v[0][t] = 1000 * (1 + 0.2 * Math.sin(2 * Math.PI * t / 7)) * Math.exp(0.02 * random.nextGaussian());
            v[1][t] = 5000 * (1 + 0.2 * Math.sin(2 * Math.PI * t / 7)) * Math.exp(0.03 * random.nextGaussian());
        }
        v[0][70] *= 0.3;
        v[1][71] *= 0.5;
        Dataset data = new Dataset("t", List.of(new Kpi("sessions", KpiRole.COUNT),
                new Kpi("revenue", KpiRole.MONEY)), TimeStep.DAILY,
                List.of(new SiteSeries("shop", LocalDate.of(2025, 1, 1).atStartOfDay(),
                        TimeStep.DAILY, v)));
        DetectionResult result = new Detector(DetectionSettings.defaults(), null,
                ThresholdAdjustments.NONE).detect(data);
        Advisor advisor = (event, portfolio) -> List.of(new Recommendation(event.id(), "r1",
                "Traffic drop", "sessions fell", List.of(new RankedAction("a1",
                        "Check the tracking tag", 1.0, ""))));

        AnomalyReport report = AnomalyReport.of(result, advisor);

        assertEquals(2, report.rows().size(), report.rows().toString());
        AnomalyReport.Row first = report.rows().get(0);
        assertEquals("sessions", first.kpi());
        assertEquals("2025-03-12", first.date());
        assertEquals("Traffic drop", first.diagnosis());
        assertEquals("Check the tracking tag", first.action());
        assertEquals("shop/2025-03-12", first.eventId());
        assertTrue(first.impact() > 1000, "half a day's revenue lost: " + first.impact());
        assertTrue(Double.isNaN(first.lstmScore()));
        AnomalyReport none = AnomalyReport.of(result, null);
        assertEquals("", none.rows().get(0).diagnosis());
    }

    @Test
    void readsTheGoldenReportOfVersionOne() throws IOException {
        Path golden = Path.of("src/test/resources/report/report-v1.csv");

        AnomalyReport report = AnomalyReport.read(golden);

        assertEquals(3, report.rows().size());
        assertEquals(Severity.CRITICAL, report.rows().get(0).severity());
        assertEquals("=cmd", report.rows().get(1).site());
        assertTrue(Files.readString(golden).contains("'=cmd"));
    }
}
