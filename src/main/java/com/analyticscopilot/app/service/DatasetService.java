package com.analyticscopilot.app.service;

import java.nio.file.Path;

/** Reads a KPI file. Throws {@code InvalidInputException} for a file a user must fix. */
@FunctionalInterface
public interface DatasetService {

    LoadedData load(Path file) throws java.io.IOException;
}
