package com.analyticscopilot.data;

import com.analyticscopilot.data.generate.GeneratedData;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDatasetReaderTest {

    @TempDir
    Path dir;

    @Test
    void generatedDataReadsBackEqual() {
        GeneratedData data = SyntheticKpis.generate(GeneratorSettings.defaults().withSites(7)
                .withDays(60).withSeed(3));
        data.writeTo(dir);

        LoadResult loaded = CsvDatasetReader.load(dir.resolve("kpis.csv"));

        Dataset back = loaded.dataset();
        assertEquals(data.dataset().kpis(), back.kpis());
        assertEquals(TimeStep.DAILY, back.step());
        assertEquals(data.dataset().sites(), back.sites());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void readsHourlySingleSiteWithGapsAndEmptyCells() throws IOException {
        Path file = write("shop.csv", """
                timestamp,value
                2025-03-01 00:00:00,5
                2025-03-01 01:00:00,
                2025-03-01 02:00:00,7

                2025-03-01 05:00:00,9
                """);

        LoadResult result = CsvDatasetReader.load(file);

        Dataset data = result.dataset();
        assertEquals(TimeStep.HOURLY, data.step());
        assertEquals(List.of("shop"), data.siteIds());
        assertEquals(KpiRole.VALUE, data.kpis().get(0).role());
        SiteSeries s = data.sites().get(0);
        assertEquals(LocalDateTime.of(2025, 3, 1, 0, 0), s.start());
        assertEquals(6, s.length());
        assertEquals(5.0, s.value(0, 0));
        assertTrue(Double.isNaN(s.value(0, 1)));
        assertTrue(Double.isNaN(s.value(0, 3)));
        assertEquals(9.0, s.value(0, 5));
        String all = String.join("\n", result.warnings());
        assertTrue(all.contains("1 empty cell kept") && all.contains("line 3"), all);
        assertTrue(all.contains("2 missing hourly steps in 1 gap"), all);
    }

    @Test
    void unsortedRowsAndIsoTimesAreAccepted() throws IOException {
        Path file = write("k.csv", """
                date,site,sessions
                2025-03-02T00:00:00.000,b,3
                2025-03-01,a,1
                2025-03-02,a,2
                2025-03-01T00:00,b,4
                """);

        Dataset data = CsvDatasetReader.read(file);

        assertEquals(List.of("b", "a"), data.siteIds());
        assertEquals(4.0, data.site("b").orElseThrow().value(0, 0));
        assertEquals(3.0, data.site("b").orElseThrow().value(0, 1));
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.csv");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.read(file));

        assertEquals(file.toString(), e.problems().get(0).file());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void manyBadCellsAreReportedTogetherWithLineAndColumn() throws IOException {
        Path file = write("bad.csv", """
                date,site,sessions,conversion_rate
                2025-03-01,a,10,0.1
                2025-03-02,a,x,0.1
                2025-13-03,a,10,0.1
                2025-03-04,a,-1,2.5
                """);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.read(file));

        List<String> shown = e.problems().stream().map(InputProblem::toString).toList();
        assertTrue(shown.contains(file + ":3: column 'sessions': cannot read number 'x';"
                + " write plain decimals such as 1234.5 (a point, no thousands separator)"),
                shown.toString());
        assertTrue(shown.stream().anyMatch(p -> p.startsWith(file + ":4: column 'date'")), shown.toString());
        assertTrue(shown.stream().anyMatch(p -> p.startsWith(file + ":5: column 'sessions': negative")),
                shown.toString());
        assertTrue(shown.stream().anyMatch(p -> p.startsWith(file + ":5: column 'conversion_rate': ratio 2.5")),
                shown.toString());
    }

    @Test
    void duplicateSiteAndDateNamesBothLines() throws IOException {
        Path file = write("dup.csv", """
                date,site,sessions
                2025-03-01,a,1
                2025-03-02,a,2
                2025-03-02,a,3
                """);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.read(file));

        InputProblem p = e.problems().get(0);
        assertEquals(4, p.line());
        assertTrue(p.message().contains("duplicate") && p.message().contains("line 3"),
                p.message());
    }

    @Test
    void textPathAndNumberPathReadTheSameValues() throws IOException {
        // An empty cell keeps the fast strict-number path; "NA" sends the file down the text path.
        Path fast = write("fast.csv", "date,sessions,revenue\n2025-03-01,1,2.5\n2025-03-02,,1e3\n"
                + "2025-03-03,3,-0\n");
        Path slow = write("slow.csv", "date,sessions,revenue\n2025-03-01,1,2.5\n2025-03-02,NA,1e3\n"
                + "2025-03-03,3,-0\n");

        SiteSeries a = CsvDatasetReader.read(fast).sites().get(0);
        SiteSeries b = CsvDatasetReader.read(slow).sites().get(0);

        assertTrue(java.util.Arrays.equals(a.series(0), b.series(0)));
        assertTrue(java.util.Arrays.equals(a.series(1), b.series(1)));
        assertEquals(1000.0, a.value(1, 1));
    }

    @Test
    void numbersTablesawWouldGuessAreRefused() throws IOException {
        Path file = write("guess.csv", "date,revenue\n2025-03-01,5%\n2025-03-02,0x1p3\n"
                + "2025-03-03,\"1,000\"\n2025-03-04,7d\n2025-03-05,8\n");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.read(file));

        assertEquals(List.of(2L, 3L, 4L, 5L), e.problems().stream().map(InputProblem::line).toList());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
