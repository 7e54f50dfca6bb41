package com.analyticscopilot.app.view;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for a file. Behind an interface because a native file dialog cannot be driven
 * by a headless test; tests hand in the path the user would have picked.
 */
public interface FilePicker {

    /** A KPI file to open, or empty when the user cancelled. */
    Optional<Path> chooseDataFile(javafx.stage.Window owner);

    /** Where to write the anomaly report, or empty when the user cancelled. */
    Optional<Path> chooseReportFile(javafx.stage.Window owner, String suggestedName);
}
