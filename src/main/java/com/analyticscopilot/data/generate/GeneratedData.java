package com.analyticscopilot.data.generate;

import com.analyticscopilot.data.CsvDatasetWriter;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.LabelsCsv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Generated KPIs and the incidents injected into them.
 *
 * @param dataset   the KPIs, values already rounded as they are written
 * @param incidents the labels, ordered by site and start
 */
public record GeneratedData(Dataset dataset, List<Incident> incidents) {

    /** File names written by {@link #writeTo(Path)}. */
    public static final String KPIS_FILE = "kpis.csv";
    public static final String ROLES_FILE = "kpis.roles.csv";
    public static final String LABELS_FILE = "labels.csv";

    public GeneratedData {
        Objects.requireNonNull(dataset, "dataset");
        incidents = List.copyOf(incidents);
    }

    /**
     * Writes {@code kpis.csv}, {@code kpis.roles.csv} and {@code labels.csv} into {@code dir}
     * (created if needed), replacing files of those names.
     */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        // Digits after the point by role: counts are whole, a rate needs 6, money has cents.
        int[] decimals = dataset.kpis().stream().mapToInt(k -> switch (k.role()) {
            case COUNT -> 0;
            case RATIO -> 6;
            case MONEY -> 2;
            case VALUE -> 4;
        }).toArray();
        CsvDatasetWriter.write(dataset, dir.resolve(KPIS_FILE), decimals);
        LabelsCsv.write(incidents, dir.resolve(LABELS_FILE));
    }
}
