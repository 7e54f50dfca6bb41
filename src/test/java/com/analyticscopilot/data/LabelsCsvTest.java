package com.analyticscopilot.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabelsCsvTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackIncludingQuotedNames() {
        List<Incident> labels = List.of(
                new Incident("shop, east", LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 3),
                        List.of("sessions", "revenue"), "tracking_outage"),
                new Incident("b", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1),
                        List.of("revenue"), "order_value_outlier"));
        Path file = dir.resolve("labels.csv");

        LabelsCsv.write(labels, file);

        assertEquals(labels, LabelsCsv.read(file));
    }

    @Test
    void everyBadLineIsNamedWithItsColumn() throws IOException {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, """
                site,start,end,kpis,type
                a,2025-02-01,2025-02-03,sessions,dip

                b,2025-02-31,2025-03-01,sessions,dip
                c,2025-03-05,2025-03-01,sessions,dip
                d,2025-03-01,2025-03-01,,spike
                ,2025-03-01,2025-03-01,sessions,
                """);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LabelsCsv.read(file));

        assertEquals(List.of(
                file + ":4: column 'start': cannot read date '2025-02-31'; use 2025-03-01",
                file + ":5: column 'end': end 2025-03-01 is before start 2025-03-05",
                file + ":6: column 'kpis': no KPI named; list them separated by ';'",
                file + ":7: column 'site': empty site",
                file + ":7: column 'type': empty type"),
                e.problems().stream().map(InputProblem::toString).toList());
    }

    @Test
    void missingColumnIsNamed() throws IOException {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "site,start,end,type\n");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LabelsCsv.read(file));

        assertEquals(file + ":1: column 'kpis': the header lacks column 'kpis'; expected"
                + " site,start,end,kpis,type", e.problems().get(0).toString());
    }

    @Test
    void missingAndEmptyFiles() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");

        assertEquals(dir.resolve("none.csv") + ": file not found",
                assertThrows(InvalidInputException.class,
                        () -> LabelsCsv.read(dir.resolve("none.csv"))).getMessage());
        assertEquals(empty + ": is empty: no header, no rows",
                assertThrows(InvalidInputException.class, () -> LabelsCsv.read(empty))
                        .getMessage());
    }
}
