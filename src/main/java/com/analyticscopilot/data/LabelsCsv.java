package com.analyticscopilot.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The labels file: one labelled incident per line,
 * <pre>
 * site,start,end,kpis,type
 * site_07,2025-02-11,2025-02-13,sessions;revenue,tracking_outage
 * </pre>
 * {@code start} and {@code end} are ISO dates, both inclusive; {@code kpis} lists the KPIs the
 * incident shows in, separated by {@code ;}; {@code type} is a free word such as {@code spike}.
 * Problems are reported with file, line and column, all of them at once.
 */
public final class LabelsCsv {

    /** The header, in this order. */
    public static final List<String> COLUMNS = List.of("site", "start", "end", "kpis", "type");

    private LabelsCsv() {
    }

    /**
     * Reads a labels file.
     *
     * @throws InvalidInputException naming file, line and column of every problem
     */
    public static List<Incident> read(Path file) {
        List<CsvText.Line> lines = CsvText.readLines(file);
        ProblemList problems = new ProblemList(file.toString());
        List<String> header = lines.get(0).cells().stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        int[] col = new int[COLUMNS.size()];
        for (int i = 0; i < col.length; i++) {
            col[i] = header.indexOf(COLUMNS.get(i));
            if (col[i] < 0) {
                problems.add(1, COLUMNS.get(i), "the header lacks column '" + COLUMNS.get(i)
                        + "'; expected " + String.join(",", COLUMNS));
            }
        }
        problems.throwIfAny();

        List<Incident> incidents = new ArrayList<>();
        for (CsvText.Line line : lines.subList(1, lines.size())) {
            List<String> cells = line.cells();
            long n = line.number();
            String site = cell(cells, col[0]);
            LocalDate start = date(cell(cells, col[1]), n, "start", problems);
            LocalDate end = date(cell(cells, col[2]), n, "end", problems);
            List<String> kpis = Arrays.stream(cell(cells, col[3]).split(";"))
                    .map(String::trim).filter(k -> !k.isEmpty()).toList();
            String type = cell(cells, col[4]);
            boolean ok = start != null && end != null;
            if (site.isEmpty()) {
                problems.add(n, "site", "empty site");
                ok = false;
            }
            if (kpis.isEmpty()) {
                problems.add(n, "kpis", "no KPI named; list them separated by ';'");
                ok = false;
            }
            if (type.isEmpty()) {
                problems.add(n, "type", "empty type");
                ok = false;
            }
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(n, "end", "end " + end + " is before start " + start);
                ok = false;
            }
            if (ok) {
                incidents.add(new Incident(site, start, end, kpis, type));
            }
        }
        problems.throwIfAny();
        return incidents;
    }

    private static LocalDate date(String text, long line, String column, ProblemList problems) {
        if (text.isEmpty()) {
            problems.add(line, column, "empty date");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(line, column, "cannot read date '" + text + "'; use 2025-03-01");
            return null;
        }
    }

    private static String cell(List<String> cells, int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    /** Writes {@code incidents} in the given order. */
    public static void write(List<Incident> incidents, Path file) {
        StringBuilder s = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Incident incident : incidents) {
            s.append(CsvText.quote(incident.site())).append(',')
                    .append(incident.start()).append(',')
                    .append(incident.end()).append(',')
                    .append(CsvText.quote(String.join(";", incident.kpis()))).append(',')
                    .append(CsvText.quote(incident.type())).append('\n');
        }
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
