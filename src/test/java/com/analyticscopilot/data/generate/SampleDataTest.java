package com.analyticscopilot.data.generate;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.LabelsCsv;
import com.analyticscopilot.data.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled sample data is what the documented command writes, and it loads cleanly. */
class SampleDataTest {

    private static final Path SAMPLE = Path.of("sample-data");

    @TempDir
    Path dir;

    @Test
    void bundledFilesAreTheGeneratorsCurrentOutput() throws IOException {
        SyntheticKpis.generate(GeneratorSettings.defaults()).writeTo(dir);

        for (String file : List.of(GeneratedData.KPIS_FILE, GeneratedData.ROLES_FILE,
                GeneratedData.LABELS_FILE)) {
            assertEquals(Files.readString(dir.resolve(file)), Files.readString(SAMPLE.resolve(file)),
                    "sample-data/" + file + " is stale: regenerate it with the command in"
                            + " sample-data/README.md");
        }
    }

    @Test
    void bundledFilesLoadWithoutWarnings() {
        LoadResult result = CsvDatasetReader.load(SAMPLE.resolve(GeneratedData.KPIS_FILE));

        assertEquals(50, result.dataset().siteCount());
        assertEquals(180, result.dataset().sites().get(0).length());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
        assertTrue(LabelsCsv.read(SAMPLE.resolve(GeneratedData.LABELS_FILE)).size() > 50);
    }
}
