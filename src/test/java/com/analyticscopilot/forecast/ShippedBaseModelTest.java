package com.analyticscopilot.forecast;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped base model loads, fits the shipped sample data and was trained on it as it is. */
class ShippedBaseModelTest {

    private static final Path SAMPLE = Path.of("sample-data");

    @Test
    void baseModelWasPretrainedOnTheCurrentSampleData() {
        LstmForecaster base = LstmForecaster.load(SAMPLE.resolve("models/base.zip"));
        Dataset data = CsvDatasetReader.read(SAMPLE.resolve("kpis.csv"));

        base.checkCompatible(data);
        assertEquals(ForecastTrainer.fingerprint(data), base.dataFingerprint(),
                "sample-data/models/base.zip is stale: retrain it with the command in"
                        + " sample-data/models/README.md");
        assertEquals(data.siteCount(), base.sites().size());
        assertTrue(base.fineTunedSite().isEmpty());
        assertEquals(ForecastSettings.defaults().toBuilder().build(), base.settings());
    }
}
