package com.analyticscopilot.app.support;

import com.analyticscopilot.app.view.FilePicker;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Stands in for the file chooser a person would click through: answers what the test set. */
public final class ScriptedFilePicker implements FilePicker {

    private final AtomicReference<Path> next = new AtomicReference<>();

    /** The file the next chooser "picks"; {@code null} answers as a cancelled dialog. */
    public void answer(Path file) {
        next.set(file);
    }

    @Override
    public Optional<Path> chooseDataFile(Window owner) {
        return Optional.ofNullable(next.get());
    }

    @Override
    public Optional<Path> chooseReportFile(Window owner, String suggestedName) {
        return Optional.ofNullable(next.get());
    }
}
