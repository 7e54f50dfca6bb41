package com.analyticscopilot.forecast;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The model file: one zip archive with two entries.
 * <ul>
 *   <li>{@value #METADATA}: a UTF-8 properties text with the format name and version, product
 *       version, KPIs and roles, calendar features, training settings and seed, per-site scaler
 *       parameters and the fallback for unseen sites, residual spreads, loss history, and the
 *       data source and SHA-256 fingerprint. Written first, so a reader can reject a file of
 *       another format before touching the network.</li>
 *   <li>{@value #NETWORK}: the DL4J network as {@code ModelSerializer} writes it (without the
 *       updater state: fine-tuning starts a new optimiser anyway, and it halves the file).</li>
 * </ul>
 * Every problem reading it becomes an {@link InvalidInputException} naming the file.
 */
final class ModelFile {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFile.class);

    static final String METADATA = "metadata.properties";
    static final String NETWORK = "network.zip";
    static final String FORMAT_NAME = "analytics-copilot-lstm-forecaster";

    private ModelFile() {
    }

    // ---------------------------------------------------------------- writing

    static void write(LstmForecaster model, Path file) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = null;
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            byte[] network = networkBytes(model.network());
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temp);
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(METADATA));
                zip.write(metadata(model.info()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(NETWORK));
                zip.write(network);
                zip.closeEntry();
            }
            keepPermissions(temp, target);
            moveIntoPlace(temp, target);
            LOG.info("model saved to {}", target);
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(file.toString(),
                    "cannot write the model file: " + e.getMessage()), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static byte[] networkBytes(MultiLayerNetwork net) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        synchronized (net) {
            ModelSerializer.writeModel(net, bytes, false);
        }
        return bytes.toByteArray();
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A temporary file is private (rw-------); give the model the permissions of the file it
     * replaces, or the usual rw-r--r--, where the file system has POSIX permissions.
     */
    private static void keepPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.isRegularFile(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, perms);
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary file {}", temp, e);
        }
    }

    static String metadata(LstmForecaster.ModelInfo info) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT_NAME);
        p.setProperty("format.version", Integer.toString(LstmForecaster.FORMAT_VERSION));
        p.setProperty("product.version", info.productVersion());
        p.setProperty("kpi.count", Integer.toString(info.kpis().size()));
        for (int k = 0; k < info.kpis().size(); k++) {
            Kpi kpi = info.kpis().get(k);
            p.setProperty("kpi." + k + ".name", kpi.name());
            p.setProperty("kpi." + k + ".role", kpi.role().label());
            if (kpi.volumeKpi() != null) {
                p.setProperty("kpi." + k + ".volume", kpi.volumeKpi());
            }
        }
        p.setProperty("calendar", info.calendar().name());
        ForecastSettings s = info.settings();
        p.setProperty("settings.layers", Integer.toString(s.layers()));
        p.setProperty("settings.hiddenSize", Integer.toString(s.hiddenSize()));
        p.setProperty("settings.window", Integer.toString(s.window()));
        p.setProperty("settings.batchSize", Integer.toString(s.batchSize()));
        p.setProperty("settings.maxEpochs", Integer.toString(s.maxEpochs()));
        p.setProperty("settings.learningRate", Double.toString(s.learningRate()));
        p.setProperty("settings.fineTuneLearningRate", Double.toString(s.fineTuneLearningRate()));
        p.setProperty("settings.patience", Integer.toString(s.patience()));
        p.setProperty("settings.seed", Long.toString(s.seed()));
        p.setProperty("settings.validationFraction", Double.toString(s.validationFraction()));
        p.setProperty("settings.freezeFirstLayer", Boolean.toString(s.freezeFirstLayer()));
        p.setProperty("site.count", Integer.toString(info.scalers().size()));
        int i = 0;
        for (Map.Entry<String, SiteScaler> e : info.scalers().entrySet()) {
            p.setProperty("site." + i + ".id", e.getKey());
            p.setProperty("site." + i + ".center", join(e.getValue().center()));
            p.setProperty("site." + i + ".scale", join(e.getValue().scale()));
            i++;
        }
        p.setProperty("fallback.center", join(info.fallback().center()));
        p.setProperty("fallback.scale", join(info.fallback().scale()));
        p.setProperty("residual.spread", join(info.residualSpread()));
        p.setProperty("loss.train", join(info.trainLoss()));
        p.setProperty("loss.validation", join(info.validationLoss()));
        p.setProperty("loss.bestEpoch", Integer.toString(info.bestEpoch()));
        if (info.fineTunedSite() != null) {
            p.setProperty("fineTunedSite", info.fineTunedSite());
        }
        p.setProperty("data.source", info.dataSource());
        p.setProperty("data.sha256", info.dataFingerprint());

        // Sorted keys, no date comment: the same model always writes the same text.
        StringBuilder text = new StringBuilder("# Analytics Copilot LSTM forecaster\n");
        StringWriter line = new StringWriter();
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            Properties one = new Properties();
            one.setProperty(key, p.getProperty(key));
            line.getBuffer().setLength(0);
            try {
                one.store(line, null);
            } catch (IOException e) {
                throw new IllegalStateException("a StringWriter does not fail", e);
            }
            String stored = line.toString();
            text.append(stored.substring(stored.indexOf('\n') + 1));
        }
        return text.toString();
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    // ---------------------------------------------------------------- reading

    static LstmForecaster read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw problem(name, Files.exists(file) ? "not a file" : "model file not found");
        }
        byte[] metadata = null;
        byte[] network = null;
        boolean anyEntry = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                anyEntry = true;
                if (e.getName().equals(METADATA)) {
                    metadata = zip.readAllBytes();
                } else if (e.getName().equals(NETWORK)) {
                    network = zip.readAllBytes();
                }
            }
        } catch (EOFException e) {
            throw problem(name, "corrupt model file: it ends early (an incomplete copy or"
                    + " download?)");
        } catch (ZipException e) {
            throw problem(name, "not a model file: the zip archive is damaged (" + e.getMessage()
                    + ")");
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(name,
                    "cannot read the model file: " + e.getMessage()), e);
        }
        if (!anyEntry) {
            throw problem(name, "not a model file: expected a zip archive written by"
                    + " 'copilot pretrain' or 'copilot finetune'");
        }
        if (metadata == null) {
            throw problem(name, "not an Analytics Copilot model: it has no " + METADATA
                    + " entry (a bare DL4J network cannot be used without its scalers)");
        }
        Meta meta = new Meta(name, metadata);
        LstmForecaster.ModelInfo info = meta.parse();
        if (network == null) {
            throw problem(name, "corrupt model file: the " + NETWORK + " entry is missing");
        }
        MultiLayerNetwork net = restoreNetwork(name, network, info);
        return new LstmForecaster(net, info);
    }

    private static MultiLayerNetwork restoreNetwork(String name, byte[] bytes,
                                                    LstmForecaster.ModelInfo info) {
        NativeThreads.configure();
        MultiLayerNetwork net;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            net = ModelSerializer.restoreMultiLayerNetwork(in, false);
        } catch (IOException | RuntimeException e) {
            LOG.warn("network in {} could not be restored", name, e);
            throw problem(name, "corrupt model file: the network could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }

        // The network must take the metadata's inputs and give one output per KPI.
        int features = info.kpis().size() + info.calendar().featureCount();
        long[] shape;
        try {
            INDArray probe = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, features,
                    info.settings().window());
            shape = net.output(probe, false).shape();
        } catch (RuntimeException e) {
            LOG.warn("network in {} does not fit its metadata", name, e);
            throw problem(name, "corrupt model file: the network does not take " + features
                    + " input features as its metadata says");
        }
        if (shape.length != 2 || shape[1] != info.kpis().size()) {
            throw problem(name, "corrupt model file: the network gives " + Arrays.toString(shape)
                    + " outputs, the metadata lists " + info.kpis().size() + " KPIs");
        }
        return net;
    }

    static InvalidInputException problem(String file, String message) {
        return new InvalidInputException(InputProblem.of(file, message));
    }

    /** The metadata entry, parsed with an error that names the key for every problem. */
    private static final class Meta {

        private final String file;
        private final Properties p = new Properties();

        Meta(String file, byte[] bytes) {
            this.file = file;
            try {
                p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            } catch (IOException | IllegalArgumentException e) {
                throw problem(file, "corrupt model metadata: " + e.getMessage());
            }
        }

        LstmForecaster.ModelInfo parse() {
            if (!FORMAT_NAME.equals(p.getProperty("format"))) {
                throw problem(file, "not an Analytics Copilot forecaster model (format '"
                        + p.getProperty("format") + "')");
            }
            int version = integer("format.version");
            if (version > LstmForecaster.FORMAT_VERSION) {
                throw problem(file, "written by a newer Analytics Copilot ("
                        + text("product.version") + ", model format " + version
                        + "); this version reads model format " + LstmForecaster.FORMAT_VERSION
                        + " and older. Update Analytics Copilot or retrain the model");
            }
            if (version < 1) {
                throw problem(file, "corrupt model metadata: format.version " + version);
            }

            List<Kpi> kpis = new ArrayList<>();
            int kpiCount = integer("kpi.count");
            for (int k = 0; k < kpiCount; k++) {
                String role = text("kpi." + k + ".role");
                KpiRole parsed = KpiRole.parse(role);
                if (parsed == null) {
                    throw corrupt("kpi." + k + ".role", "unknown role '" + role + "'");
                }
                try {
                    kpis.add(new Kpi(text("kpi." + k + ".name"), parsed,
                            p.getProperty("kpi." + k + ".volume")));
                } catch (IllegalArgumentException e) {
                    throw corrupt("kpi." + k + ".name", e.getMessage());
                }
            }
            if (kpis.isEmpty()) {
                throw corrupt("kpi.count", "no KPIs");
            }
            Calendar calendar;
            try {
                calendar = Calendar.valueOf(text("calendar").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw corrupt("calendar", "unknown calendar '" + text("calendar") + "'");
            }

            ForecastSettings settings;
            try {
                settings = ForecastSettings.builder()
                        .layers(integer("settings.layers"))
                        .hiddenSize(integer("settings.hiddenSize"))
                        .window(integer("settings.window"))
                        .batchSize(integer("settings.batchSize"))
                        .maxEpochs(integer("settings.maxEpochs"))
                        .learningRate(number("settings.learningRate"))
                        .fineTuneLearningRate(number("settings.fineTuneLearningRate"))
                        .patience(integer("settings.patience"))
                        .seed(Long.parseLong(text("settings.seed")))
                        .validationFraction(number("settings.validationFraction"))
                        .freezeFirstLayer(Boolean.parseBoolean(text("settings.freezeFirstLayer")))
                        .build();
            } catch (NumberFormatException e) {
                throw corrupt("settings.seed", "not a whole number");
            } catch (IllegalArgumentException e) {
                throw problem(file, "corrupt model metadata: settings: " + e.getMessage());
            }

            Map<String, SiteScaler> scalers = new LinkedHashMap<>();
            int siteCount = integer("site.count");
            for (int i = 0; i < siteCount; i++) {
                scalers.put(text("site." + i + ".id"), new SiteScaler(
                        numbers("site." + i + ".center", kpiCount),
                        positive("site." + i + ".scale", kpiCount)));
            }
            SiteScaler fallback = new SiteScaler(numbers("fallback.center", kpiCount),
                    positive("fallback.scale", kpiCount));
            double[] trainLoss = numbers("loss.train", -1);
            double[] valLoss = numbers("loss.validation", trainLoss.length);
            return new LstmForecaster.ModelInfo(kpis, calendar, settings, scalers, fallback,
                    positive("residual.spread", kpiCount), trainLoss, valLoss,
                    integer("loss.bestEpoch"), p.getProperty("fineTunedSite"),
                    text("data.source"), text("data.sha256"), text("product.version"), file);
        }

        private String text(String key) {
            String v = p.getProperty(key);
            if (v == null) {
                throw corrupt(key, "missing");
            }
            return v.trim();
        }

        private int integer(String key) {
            try {
                return Integer.parseInt(text(key));
            } catch (NumberFormatException e) {
                throw corrupt(key, "'" + text(key) + "' is not a whole number");
            }
        }

        private double number(String key) {
            try {
                return Double.parseDouble(text(key));
            } catch (NumberFormatException e) {
                throw corrupt(key, "'" + text(key) + "' is not a number");
            }
        }

        /** Comma-separated numbers; {@code expected} of them unless negative. */
        private double[] numbers(String key, int expected) {
            String v = text(key);
            String[] parts = v.isEmpty() ? new String[0] : v.split(",");
            if (expected >= 0 && parts.length != expected) {
                throw corrupt(key, parts.length + " values, expected " + expected);
            }
            double[] out = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    out[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw corrupt(key, "'" + parts[i] + "' is not a number");
                }
            }
            return out;
        }

        private double[] positive(String key, int expected) {
            double[] out = numbers(key, expected);
            for (double v : out) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw corrupt(key, "spreads must be positive, got " + v);
                }
            }
            return out;
        }

        private InvalidInputException corrupt(String key, String what) {
            return problem(file, "corrupt model metadata: '" + key + "': " + what);
        }
    }
}
