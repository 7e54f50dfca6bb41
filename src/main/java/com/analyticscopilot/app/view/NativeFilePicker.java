package com.analyticscopilot.app.view;

import com.analyticscopilot.app.UiText;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The platform's file dialogs, remembering the last folder within a session. */
public final class NativeFilePicker implements FilePicker {

    private final UiText text;
    private File lastFolder;

    public NativeFilePicker(UiText text) {
        this.text = text;
    }

    @Override
    public Optional<Path> chooseDataFile(Window owner) {
        FileChooser chooser = chooser(text.get("dialog.open.title"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseReportFile(Window owner, String suggestedName) {
        FileChooser chooser = chooser(text.get("dialog.export.title"));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("dialog.csv"),
                "*.csv"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
