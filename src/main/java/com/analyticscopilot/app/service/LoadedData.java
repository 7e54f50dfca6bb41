package com.analyticscopilot.app.service;

import com.analyticscopilot.data.Dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * A data file as the workbench holds it.
 *
 * @param file     where it was read from
 * @param dataset  its sites and KPIs
 * @param warnings what the reader noticed but could live with (gaps, missing cells)
 */
public record LoadedData(Path file, Dataset dataset, List<String> warnings) {

    public LoadedData {
        warnings = List.copyOf(warnings);
    }
}
