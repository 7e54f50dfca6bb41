package com.analyticscopilot.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad input the issue lists, each on its own: the import refuses it with a problem that
 * names the file and, where it applies, the line and the column.
 */
class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.csv");

        InputProblem p = only(file);

        assertEquals(file.toString(), p.file());
        assertEquals(0, p.line());
        assertEquals("file not found", p.message());
    }

    @Test
    void directoryInsteadOfFile() {
        InputProblem p = only(dir);

        assertTrue(p.message().contains("is a directory"), p.message());
    }

    @Test
    void emptyFile() throws IOException {
        Path file = write("");

        InputProblem p = only(file);

        assertEquals(file.toString(), p.file());
        assertTrue(p.message().startsWith("is empty"), p.message());
    }

    @Test
    void blankLinesOnlyCountAsEmpty() throws IOException {
        InputProblem p = only(write("\n  \n\n"));

        assertTrue(p.message().startsWith("is empty"), p.message());
    }

    @Test
    void headerWithoutRows() throws IOException {
        InputProblem p = only(write("date,site,sessions\n"));

        assertEquals(1, p.line());
        assertTrue(p.message().contains("no data rows"), p.message());
    }

    @Test
    void noHeader() throws IOException {
        Path file = write("""
                2025-03-01,a,10
                2025-03-02,a,11
                """);

        InputProblem p = only(file);

        assertEquals(1, p.line());
        assertEquals(file + ":1: no header: line 1 holds data ('2025-03-01'); the first"
                + " line must name the columns, e.g. date,site,sessions", p.toString());
    }

    @Test
    void noHeaderWhenTheSiteComesFirst() throws IOException {
        InputProblem p = only(write("shop-a,2025-03-01,10\n"));

        assertEquals(1, p.line());
        assertTrue(p.message().startsWith("no header: line 1 holds data ('2025-03-01')"),
                p.message());
    }

    @Test
    void semicolonSeparatedExport() throws IOException {
        InputProblem p = only(write("date;site;sessions\n2025-03-01;a;10\n"));

        assertEquals(1, p.line());
        assertTrue(p.message().contains("seems to use semicolons"), p.message());
    }

    @Test
    void windowsLineEndingsAreFine() throws IOException {
        Dataset data = CsvDatasetReader.read(write("date,sessions\r\n2025-03-01,10\r\n"
                + "2025-03-02,12\r\n"));

        assertEquals(12.0, data.sites().get(0).value(0, 1));
    }

    @Test
    void missingDateColumn() throws IOException {
        InputProblem p = only(write("""
                day,site,sessions
                2025-03-01,a,10
                """));

        assertEquals(1, p.line());
        assertTrue(p.message().startsWith("missing date column") && p.message().contains(
                "found day,site,sessions"), p.message());
    }

    @Test
    void noKpiColumnAtAll() throws IOException {
        InputProblem p = only(write("""
                date,site
                2025-03-01,a
                """));

        assertEquals(1, p.line());
        assertTrue(p.message().startsWith("no numeric KPI column"), p.message());
    }

    @Test
    void onlyTextColumnsBesidesDateAndSite() throws IOException {
        InputProblem p = only(write("""
                date,site,country
                2025-03-01,a,FR
                2025-03-02,a,DE
                """));

        assertTrue(p.message().startsWith("no numeric KPI column"), p.message());
    }

    @Test
    void unparsableDate() throws IOException {
        Path file = write("""
                date,site,sessions
                2025-03-01,a,10
                01/03/2025,a,11
                """);

        InputProblem p = only(file);

        assertEquals(3, p.line());
        assertEquals("date", p.column());
        assertTrue(p.toString().startsWith(file + ":3: column 'date': cannot read date"
                + " '01/03/2025'"), p.toString());
    }

    @Test
    void dateWithTimeZoneIsRefused() throws IOException {
        InputProblem p = only(write("""
                timestamp,sessions
                2025-03-01T10:00:00Z,1
                """));

        assertEquals(2, p.line());
        assertEquals("timestamp", p.column());
        assertTrue(p.message().endsWith("(local times, without a time zone)"), p.message());
    }

    @Test
    void unparsableNumber() throws IOException {
        InputProblem p = only(write("""
                date,site,sessions,revenue
                2025-03-01,a,10,5.5
                2025-03-02,a,11,"1,5"
                """));

        assertEquals(3, p.line());
        assertEquals("revenue", p.column());
        assertTrue(p.message().startsWith("cannot read number '1,5'"), p.message());
    }

    @Test
    void infiniteNumber() throws IOException {
        InputProblem p = only(write("""
                date,sessions
                2025-03-01,10
                2025-03-02,inf
                """));

        assertEquals(3, p.line());
        assertEquals("sessions", p.column());
        assertTrue(p.message().startsWith("infinite value 'inf'"), p.message());
    }

    @Test
    void literalNanIsMissingWithAWarningNotAnError() throws IOException {
        LoadResult result = CsvDatasetReader.load(write("""
                date,sessions
                2025-03-01,10
                2025-03-02,NaN
                2025-03-03,12
                """));

        assertTrue(Double.isNaN(result.dataset().sites().get(0).value(0, 1)));
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("1 cell saying NaN/NA/null")
                && w.contains("line 3")), result.warnings().toString());
    }

    @Test
    void duplicateSiteAndDate() throws IOException {
        InputProblem p = only(write("""
                date,site,sessions
                2025-03-01,a,10
                2025-03-01,b,10
                2025-03-01,a,12
                """));

        assertEquals(4, p.line());
        assertTrue(p.message().equals("duplicate row for site 'a' at 2025-03-01 (first on line 2)"),
                p.message());
    }

    @Test
    void negativeCount() throws IOException {
        InputProblem p = only(write("""
                date,site,sessions
                2025-03-01,a,10
                2025-03-02,a,-3
                """));

        assertEquals(3, p.line());
        assertEquals("sessions", p.column());
        assertEquals("negative value -3 in a count KPI", p.message());
    }

    @Test
    void negativeMoney() throws IOException {
        InputProblem p = only(write("""
                date,site,revenue
                2025-03-01,a,10
                2025-03-02,a,-0.5
                """));

        assertEquals(3, p.line());
        assertEquals("revenue", p.column());
        assertEquals("negative value -0.5 in a money KPI", p.message());
    }

    @Test
    void negativeValueIsFineForAPlainValue() throws IOException {
        Dataset data = CsvDatasetReader.read(write("""
                date,temperature
                2025-03-01,-4
                2025-03-02,2
                """));

        assertEquals(-4.0, data.sites().get(0).value(0, 0));
    }

    @Test
    void ratioAboveOneLooksLikeAPercentage() throws IOException {
        InputProblem p = only(write("""
                date,site,sessions,conversion_rate
                2025-03-01,a,10,0.02
                2025-03-02,a,11,2.5
                """));

        assertEquals(3, p.line());
        assertEquals("conversion_rate", p.column());
        assertEquals("ratio 2.5 outside [0, 1]; is it a percentage? write 0.025 for 2.5 %",
                p.message());
    }

    @Test
    void negativeRatio() throws IOException {
        InputProblem p = only(write("""
                date,conversion_rate
                2025-03-01,-0.1
                """));

        assertEquals(2, p.line());
        assertEquals("ratio -0.1 outside [0, 1]", p.message());
    }

    @Test
    void irregularStep() throws IOException {
        InputProblem p = only(write("""
                timestamp,site,sessions
                2025-03-01 00:00:00,a,1
                2025-03-01 01:00:00,a,1
                2025-03-01 02:00:00,a,1
                2025-03-01 02:30:00,a,1
                2025-03-01 03:30:00,a,1
                """));

        assertEquals(5, p.line());
        assertTrue(p.message().startsWith("irregular time step: site 'a' has 2025-03-01 02:30"
                + " after 2025-03-01 02:00 (line 4), the step is hourly"), p.message());
    }

    @Test
    void sitesWithDifferentSteps() throws IOException {
        InputProblem p = only(write("""
                timestamp,site,sessions
                2025-03-01 00:00:00,a,1
                2025-03-01 01:00:00,a,1
                2025-03-01 02:00:00,a,1
                2025-03-01 00:00:00,b,1
                2025-03-01 00:30:00,b,1
                """));

        assertEquals(5, p.line());
        assertEquals("site", p.column());
        assertTrue(p.message().contains("site 'b' has a 30-minute step, the other sites hourly"),
                p.message());
    }

    @Test
    void emptySiteName() throws IOException {
        InputProblem p = only(write("""
                date,site,sessions
                2025-03-01,,1
                """));

        assertEquals(2, p.line());
        assertEquals("site", p.column());
        assertEquals("empty site name", p.message());
    }

    @Test
    void duplicateHeaderColumn() throws IOException {
        InputProblem p = only(write("""
                date,sessions,Sessions
                2025-03-01,1,2
                """));

        assertEquals(1, p.line());
        assertEquals("Sessions", p.column());
    }

    @Test
    void raggedRowsAreNamedByLine() throws IOException {
        Path file = write("""
                date,site,sessions
                2025-03-01,a,1

                2025-03-02,a,2,7
                """);

        InputProblem p = only(file);

        assertEquals(4, p.line());
        assertEquals("has 4 cells, the header 3 columns", p.message());
    }

    @Test
    void mistypedYearIsNotAHugeGap() throws IOException {
        InputProblem p = only(write("""
                date,sessions
                2025-03-01,1
                2025-03-02,1
                2205-03-03,1
                """));

        assertEquals(4, p.line());
        assertTrue(p.message().contains("is a date mistyped?"), p.message());
    }

    @Test
    void blankLinesDoNotShiftLineNumbers() throws IOException {
        InputProblem p = only(write("""
                date,sessions

                2025-03-01,1

                2025-03-02,x
                """));

        assertEquals(5, p.line());
    }

    @Test
    void problemsAreCappedAndCounted() throws IOException {
        StringBuilder s = new StringBuilder("date,sessions\n");
        for (int day = 1; day <= 28; day++) {
            s.append(String.format("2025-02-%02d,bad%n", day));
        }
        s.append("2025-03-01,5\n");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.read(write(s.toString())));

        List<InputProblem> problems = e.problems();
        assertEquals(ProblemList.LIMIT + 1, problems.size());
        assertEquals(2, problems.get(0).line());
        assertEquals(21, problems.get(ProblemList.LIMIT - 1).line());
        assertEquals("8 more problems not shown", problems.get(ProblemList.LIMIT).message());
    }

    @Test
    void badRolesFileNamesItsLines() throws IOException {
        Path file = write("""
                date,sessions,conversion_rate,revenue
                2025-03-01,10,0.1,5
                """);
        Path roles = dir.resolve("kpis.roles.csv");
        Files.writeString(roles, """
                kpi,role,volume
                sessions,counts,
                conversion_rate,ratio,visits
                revenue,money,sessions
                orders,count,
                """);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.read(file));

        List<String> shown = e.problems().stream().map(InputProblem::toString).toList();
        assertEquals(List.of(
                roles + ":2: column 'role': unknown role 'counts'; use count, ratio, money or value",
                roles + ":3: column 'volume': volume KPI 'visits' is not a column of the data file",
                roles + ":4: column 'volume': only a ratio KPI names a volume; 'revenue' is a money",
                roles + ":5: column 'kpi': KPI 'orders' is not a column of the data file (its"
                        + " KPIs: [sessions, conversion_rate, revenue])"),
                shown);
    }

    private InputProblem only(Path file) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.read(file));
        assertEquals(1, e.problems().size(), e.problems().toString());
        InputProblem p = e.problems().get(0);
        assertEquals(file.toString(), p.file());
        assertNotNull(p.message());
        return p;
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("kpis.csv");
        Files.writeString(file, text);
        return file;
    }
}
