package com.analyticscopilot.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reading a bad file changes nothing: not the file, not its folder (no sidecar, cache or
 * backup appears), not the user folder.
 */
class BadFileChangesNothingTest {

    @TempDir
    Path dir;

    private String previousHome;

    @BeforeEach
    void isolateHome() {
        previousHome = System.getProperty(UserFolder.PROPERTY);
        System.setProperty(UserFolder.PROPERTY, dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty(UserFolder.PROPERTY);
        } else {
            System.setProperty(UserFolder.PROPERTY, previousHome);
        }
    }

    @Test
    void badDataRolesAndLabelsLeaveEveryFileAsItWas() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("kpis.csv"), """
                date,site,sessions,conversion_rate
                2025-03-01,a,10,0.1
                2025-03-02,a,-5,1.5
                2025-03-02,a,7,0.1
                """);
        Files.writeString(data.resolve("other.csv"), """
                date,sessions,revenue
                2025-03-01,10,5
                """);
        Files.writeString(data.resolve("other.roles.csv"), """
                kpi,role,volume
                revenue,cash,
                """);
        Files.writeString(data.resolve("labels.csv"), """
                site,start,end,kpis,type
                a,2025-03-05,2025-03-01,sessions,dip
                """);
        Map<String, String> before = snapshot(dir);

        assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.load(data.resolve("kpis.csv")));
        assertThrows(InvalidInputException.class,
                () -> CsvDatasetReader.load(data.resolve("other.csv")));
        assertThrows(InvalidInputException.class,
                () -> LabelsCsv.read(data.resolve("labels.csv")));

        assertEquals(before, snapshot(dir));
    }

    /** Every file and folder under {@code root} with its size, modification time and text. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                FileTime modified = Files.getLastModifiedTime(p);
                String content = Files.isRegularFile(p) ? Files.readString(p) : "<dir>";
                files.put(root.relativize(p).toString(), modified + " " + content);
            }
        }
        return files;
    }
}
