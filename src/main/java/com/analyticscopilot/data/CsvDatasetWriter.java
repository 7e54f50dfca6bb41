package com.analyticscopilot.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Writes a data set in the long format {@link CsvDatasetReader} reads, rows ordered by time and
 * then by site (the order of a typical export), plus its roles sidecar. Numbers are written
 * with a fixed number of decimals per KPI, independent of the locale, so that the same data
 * gives the same bytes; a missing value is an empty cell.
 */
public final class CsvDatasetWriter {

    private CsvDatasetWriter() {
    }

    /**
     * Writes {@code dataset} to {@code file} and its roles to the sidecar next to it.
     *
     * @param decimals digits after the point, per KPI in the data set's order
     */
    public static void write(Dataset dataset, Path file, int[] decimals) {
        List<Kpi> kpis = dataset.kpis();
        if (decimals.length != kpis.size()) {
            throw new IllegalArgumentException(decimals.length + " decimal counts for "
                    + kpis.size() + " KPIs");
        }
        List<SiteSeries> sites = dataset.sites();
        LocalDateTime first = sites.stream().map(SiteSeries::start).min(LocalDateTime::compareTo)
                .orElseThrow();
        LocalDateTime last = sites.stream().map(SiteSeries::end).max(LocalDateTime::compareTo)
                .orElseThrow();
        boolean datesOnly = dataset.step().isDaily() && sites.stream()
                .allMatch(s -> s.start().toLocalTime().equals(LocalTime.MIDNIGHT));

        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("date,site");
            for (Kpi kpi : kpis) {
                out.write(',');
                out.write(CsvText.quote(kpi.name()));
            }
            out.write('\n');
            StringBuilder row = new StringBuilder(128);
            for (LocalDateTime time = first; !time.isAfter(last);
                 time = time.plus(dataset.step().duration())) {
                String stamp = datesOnly ? time.toLocalDate().toString()
                        : time.toString().replace('T', ' ');
                for (SiteSeries site : sites) {
                    int t = site.indexOf(time);
                    if (t < 0) {
                        continue;
                    }
                    row.setLength(0);
                    row.append(stamp).append(',').append(CsvText.quote(site.site()));
                    for (int k = 0; k < kpis.size(); k++) {
                        row.append(',').append(CsvText.fixed(site.value(k, t), decimals[k]));
                    }
                    out.write(row.append('\n').toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        KpiRoles.write(kpis, KpiRoles.sidecarOf(file));
    }
}
