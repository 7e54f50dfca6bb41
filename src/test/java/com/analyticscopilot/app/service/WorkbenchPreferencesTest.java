package com.analyticscopilot.app.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbenchPreferencesTest {

    @TempDir
    Path home;

    @Test
    void savedPreferencesComeBack() {
        WorkbenchPreferences prefs = WorkbenchPreferences.load(home);
        prefs.setDataFile(home.resolve("data/kpis.csv"));
        prefs.setSensitivity(0.7);
        prefs.setWindowSize(1024, 700);
        prefs.save();

        WorkbenchPreferences again = WorkbenchPreferences.load(home);

        assertEquals(home.resolve("data/kpis.csv").toAbsolutePath(), again.dataFile()
                .orElseThrow());
        assertEquals(0.7, again.sensitivity(), 1e-12);
        assertEquals(1024, again.width(), 1e-9);
        assertEquals(700, again.height(), 1e-9);
        assertTrue(Files.isRegularFile(home.resolve(WorkbenchPreferences.FILE_NAME)));
    }

    @Test
    void aDamagedFileGivesDefaultsForWhatCannotBeRead() throws Exception {
        Files.writeString(home.resolve(WorkbenchPreferences.FILE_NAME),
                "detection.sensitivity=loud\nwindow.width=12\nwindow.height=800\n");

        WorkbenchPreferences prefs = WorkbenchPreferences.load(home);

        assertEquals(WorkbenchPreferences.DEFAULT_SENSITIVITY, prefs.sensitivity(), 1e-12);
        assertEquals(WorkbenchPreferences.DEFAULT_WIDTH, prefs.width(), 1e-9,
                "a 12 px window is not restored");
        assertEquals(800, prefs.height(), 1e-9);
        assertTrue(prefs.dataFile().isEmpty());
    }
}
