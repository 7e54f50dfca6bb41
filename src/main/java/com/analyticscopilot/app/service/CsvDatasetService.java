package com.analyticscopilot.app.service;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.LoadResult;

import java.nio.file.Path;

/** Reads KPI files with the data part's CSV reader (roles from the sidecar or the names). */
public final class CsvDatasetService implements DatasetService {

    @Override
    public LoadedData load(Path file) {
        LoadResult result = CsvDatasetReader.load(file);
        return new LoadedData(file, result.dataset(), result.warnings());
    }
}
