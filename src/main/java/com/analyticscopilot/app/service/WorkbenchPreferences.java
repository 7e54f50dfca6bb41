package com.analyticscopilot.app.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the workbench remembers between runs: the data file, the sensitivity and the window
 * size. Kept as a properties file, {@code workbench.properties}, in the user's data folder so a
 * person can read or delete it. A missing or damaged file gives the defaults; the workbench must
 * open even when its memory is gone.
 */
public final class WorkbenchPreferences {

    /** The file's name inside the data folder. */
    public static final String FILE_NAME = "workbench.properties";

    /** The slider's starting point: the detector's own default. */
    public static final double DEFAULT_SENSITIVITY = 0.5;
    public static final double DEFAULT_WIDTH = 1400;
    public static final double DEFAULT_HEIGHT = 900;

    /** Smaller than this and the charts have no room; a saved size below it is not restored. */
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 480;

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchPreferences.class);

    private static final String DATA_FILE = "data.file";
    private static final String SENSITIVITY = "detection.sensitivity";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";

    private final Path file;
    private Path dataFile;
    private double sensitivity = DEFAULT_SENSITIVITY;
    private double width = DEFAULT_WIDTH;
    private double height = DEFAULT_HEIGHT;

    private WorkbenchPreferences(Path file) {
        this.file = file;
    }

    /** Reads the preferences kept in {@code folder}; defaults for what is missing or unreadable. */
    public static WorkbenchPreferences load(Path folder) {
        WorkbenchPreferences prefs = new WorkbenchPreferences(folder.resolve(FILE_NAME));
        if (!Files.isRegularFile(prefs.file)) {
            return prefs;
        }

        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(prefs.file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read preferences {}; starting with defaults: {}", prefs.file,
                    e.toString());
            return prefs;
        }

        String data = props.getProperty(DATA_FILE, "").trim();
        prefs.dataFile = data.isEmpty() ? null : Path.of(data);
        prefs.sensitivity = number(props, SENSITIVITY, DEFAULT_SENSITIVITY);
        double w = number(props, WIDTH, DEFAULT_WIDTH);
        double h = number(props, HEIGHT, DEFAULT_HEIGHT);
        prefs.width = w >= MIN_WIDTH ? w : DEFAULT_WIDTH;
        prefs.height = h >= MIN_HEIGHT ? h : DEFAULT_HEIGHT;
        return prefs;
    }

    private static double number(Properties props, String key, double fallback) {
        String text = props.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.trim());
            return Double.isFinite(value) ? value : fallback;
        } catch (NumberFormatException e) {
            LOG.warn("Preference {}={} is not a number; using {}", key, text, fallback);
            return fallback;
        }
    }

    /** Writes the preferences; a failure is logged, not thrown: nothing the user made is lost. */
    public void save() {
        Properties props = new Properties();
        if (dataFile != null) {
            props.setProperty(DATA_FILE, dataFile.toAbsolutePath().toString());
        }
        props.setProperty(SENSITIVITY, Double.toString(sensitivity));
        props.setProperty(WIDTH, Double.toString(width));
        props.setProperty(HEIGHT, Double.toString(height));
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(out, "Analytics Copilot workbench preferences");
            }
        } catch (IOException e) {
            LOG.warn("Could not save preferences to {}: {}", file, e.toString());
        }
    }

    public Path file() {
        return file;
    }

    public Optional<Path> dataFile() {
        return Optional.ofNullable(dataFile);
    }

    public void setDataFile(Path dataFile) {
        this.dataFile = dataFile;
    }

    public double sensitivity() {
        return sensitivity;
    }

    public void setSensitivity(double sensitivity) {
        this.sensitivity = sensitivity;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public void setWindowSize(double width, double height) {
        this.width = width;
        this.height = height;
    }
}
