package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {

    private static Dataset data;
    private static LstmForecaster model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        data = ForecastTestData.weekly(3, 70, 17);
        model = ForecastTrainer.pretrain(data, ForecastTestData.tiny(), TrainingListener.NONE,
                () -> false);
    }

    @Test
    void saveAndReloadGivesIdenticalForecastsAndMetadata() {
        Path file = dir.resolve("base.zip");
        model.save(file);
        LstmForecaster back = LstmForecaster.load(file);

        for (SiteSeries site : data.sites()) {
            NeuralScores a = model.score(data, site);
            NeuralScores b = back.score(data, site);
            assertArrayEquals(a.forecast(), b.forecast());
            assertArrayEquals(a.score(), b.score());
        }
        assertEquals(model.kpis(), back.kpis());
        assertEquals(model.settings(), back.settings());
        assertArrayEquals(model.trainLoss(), back.trainLoss());
        assertArrayEquals(model.validationLoss(), back.validationLoss());
        assertArrayEquals(model.residualSpread(), back.residualSpread());
        assertEquals(model.bestEpoch(), back.bestEpoch());
        assertEquals(model.dataFingerprint(), back.dataFingerprint());
        assertEquals(model.sites(), back.sites());
        assertEquals("test-data", back.dataSource());
        assertTrue(back.fineTunedSite().isEmpty());
    }

    @Test
    void savingOverAModelReplacesItAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("m.zip");
        Files.writeString(file, "an older model");
        model.save(file);
        LstmForecaster.load(file);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedSaveKeepsWhatWasThere() throws IOException {
        // The target is a non-empty directory: the final move must fail.
        Path target = dir.resolve("taken.zip");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "precious");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> model.save(target));
        assertTrue(e.getMessage().startsWith(target + ": cannot write the model file"),
                e.getMessage());
        assertEquals("precious", Files.readString(target.resolve("keep.txt")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.zip");
        assertMessage(file, file + ": model file not found");
    }

    @Test
    void notAZip() throws IOException {
        Path file = dir.resolve("text.zip");
        Files.writeString(file, "date,site,sessions\n");
        assertMessage(file, file + ": not a model file: expected a zip archive");
    }

    @Test
    void aZipWithoutMetadataIsNotAModel() throws IOException {
        Path file = dir.resolve("other.zip");
        writeZip(file, "configuration.json", "{}".getBytes(StandardCharsets.UTF_8));
        assertMessage(file, file + ": not an Analytics Copilot model: it has no "
                + "metadata.properties entry");
    }

    @Test
    void aTruncatedFileIsCorrupt() throws IOException {
        Path good = dir.resolve("good.zip");
        model.save(good);
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("truncated.zip");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LstmForecaster.load(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt") || e.getMessage().contains("damaged"),
                e.getMessage());
    }

    @Test
    void aDamagedNetworkEntryIsCorrupt() throws IOException {
        Path file = rewrite("net.zip", meta -> meta, "garbage".getBytes(StandardCharsets.UTF_8));
        assertMessage(file, file + ": corrupt model file: the network could not be read");
    }

    @Test
    void aNewerFormatAsksForAnUpdate() throws IOException {
        Path file = rewrite("future.zip",
                meta -> meta.replace("format.version=1", "format.version=2"), null);
        assertMessage(file, file + ": written by a newer Analytics Copilot");
    }

    @Test
    void aBrokenMetadataValueNamesTheKey() throws IOException {
        Path file = rewrite("broken.zip",
                meta -> meta.replaceAll("(?m)^settings\\.window=.*$", "settings.window=fourteen"),
                null);
        assertMessage(file, file + ": corrupt model metadata: 'settings.window': 'fourteen' is"
                + " not a whole number");
    }

    @Test
    void dataWithOtherKpisIsIncompatible() {
        Path file = dir.resolve("m.zip");
        model.save(file);
        LstmForecaster loaded = LstmForecaster.load(file);
        List<Kpi> other = List.of(new Kpi("orders", KpiRole.COUNT),
                new Kpi("conversion_rate", KpiRole.RATIO), new Kpi("revenue", KpiRole.MONEY));
        SiteSeries site = data.sites().get(0);
        Dataset otherData = new Dataset("other.csv", other, data.step(), List.of(site));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> loaded.score(otherData, site));
        assertTrue(e.getMessage().startsWith(file + ": the model forecasts KPIs [sessions"),
                e.getMessage());
        assertTrue(e.getMessage().contains("other.csv has [orders (count)"), e.getMessage());
    }

    @Test
    void theGoldenVersion1ModelStillLoadsAndForecastsTheSame() throws IOException {
        Path file = dir.resolve("model-v1.zip");
        try (InputStream in = getClass().getResourceAsStream("/forecast/model-v1.zip")) {
            Files.copy(in, file);
        }
        LstmForecaster golden = LstmForecaster.load(file);
        assertEquals(ForecastTestData.kpis(), golden.kpis());
        assertEquals(7, golden.window());

        Dataset goldenData = GoldenModel.data();
        assertEquals(ForecastTrainer.fingerprint(goldenData), golden.dataFingerprint());
        double[][] expected = GoldenModel.readExpected();
        NeuralScores scores = golden.score(goldenData, goldenData.sites().get(0));
        for (int k = 0; k < expected.length; k++) {
            for (int i = 0; i < expected[k].length; i++) {
                double want = expected[k][i];
                assertEquals(want, scores.forecast()[k][GoldenModel.FIRST_STEP + i],
                        Math.abs(want) * 1e-5, "KPI " + k + " step " + i);
            }
        }
    }

    private void assertMessage(Path file, String start) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LstmForecaster.load(file));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.problems().size());
    }

    /** A saved model with its metadata edited and, if given, its network entry replaced. */
    private Path rewrite(String name, UnaryOperator<String> editMeta, byte[] network)
            throws IOException {
        Path good = dir.resolve("source-" + name);
        model.save(good);
        byte[] meta = null;
        byte[] net = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(good))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(ModelFile.METADATA)) {
                    meta = zip.readAllBytes();
                } else {
                    net = zip.readAllBytes();
                }
            }
        }
        String edited = editMeta.apply(new String(meta, StandardCharsets.UTF_8));
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(ModelFile.METADATA));
            zip.write(edited.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(ModelFile.NETWORK));
            zip.write(network == null ? net : network);
        }
        return file;
    }

    private static void writeZip(Path file, String entry, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
        }
    }
}
