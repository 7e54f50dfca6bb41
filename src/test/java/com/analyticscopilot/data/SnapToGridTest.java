package com.analyticscopilot.data;

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

/** The opt-in lenient reading of jittery times: the NAB traffic files need it. */
class SnapToGridTest {

    private static final String JITTERY = """
            timestamp,value
            2015-09-01 10:00:00,1
            2015-09-01 10:05:00,2
            2015-09-01 10:11:00,3
            2015-09-01 10:15:00,4
            2015-09-01 10:16:00,6
            2015-09-01 10:30:00,7
            2015-09-01 10:35:00,8
            """;

    @TempDir
    Path dir;

    @Test
    void strictReadingRefusesJitteryTimes() throws IOException {
        Path file = write(JITTERY);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.read(file));

        assertEquals(4, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().startsWith("irregular time step"));
    }

    @Test
    void snappedReadingMovesAveragesAndReportsGaps() throws IOException {
        LoadResult result = CsvDatasetReader.load(write(JITTERY), ImportOptions.snappedToGrid());

        SiteSeries s = result.dataset().sites().get(0);
        assertEquals(TimeStep.DAILY.duration().dividedBy(288), s.step().duration());
        assertEquals(8, s.length());
        double[] expected = {1, 2, 3, 5, Double.NaN, Double.NaN, 7, 8};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], s.value(0, t), 1e-12, "step " + t);
        }
        assertEquals(List.of(
                "site 'kpis': 2 times off the 5-minute grid moved to the nearest step (by at most"
                        + " 1m); 1 row sharing a step with another averaged into it",
                "site 'kpis': 2 missing 5-minute steps in 1 gap (first 2015-09-01 10:20 to"
                        + " 2015-09-01 10:25), kept as missing values"),
                result.warnings().subList(1, 3));
    }

    @Test
    void rowsFindTheirStep() throws IOException {
        SiteSeries s = CsvDatasetReader.load(write(JITTERY), ImportOptions.snappedToGrid())
                .dataset().sites().get(0);

        assertEquals(2, TimeGrid.nearestIndex(s, LocalDateTime.of(2015, 9, 1, 10, 11)));
        assertEquals(3, TimeGrid.nearestIndex(s, LocalDateTime.of(2015, 9, 1, 10, 16)));
        assertEquals(-1, TimeGrid.nearestIndex(s, LocalDateTime.of(2015, 9, 1, 9, 50)));
        assertEquals(-1, TimeGrid.nearestIndex(s, LocalDateTime.of(2015, 9, 1, 10, 40)));
    }

    @Test
    void snappingLeavesOtherErrorsStanding() throws IOException {
        Path file = write("timestamp,value\n2015-09-01 10:00:00,1\n2015-09-01 10:05:00,x\n");

        assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.load(file, ImportOptions.snappedToGrid()));
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("kpis.csv");
        Files.writeString(file, text);
        return file;
    }
}
