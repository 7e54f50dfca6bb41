package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.SiteSeries;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Trains LSTM forecasters: {@link #pretrain} on every site of a data set, {@link #fineTune} a
 * pretrained model on one site. Both run on the calling thread, report to a
 * {@link TrainingListener} after every batch and epoch, check their cancel flag between batches
 * and throw {@link TrainingCancelledException} when it is set.
 */
public final class ForecastTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastTrainer.class);

    private ForecastTrainer() {
    }

    /**
     * Trains a model on all sites of {@code data}. Each site's last
     * {@code validationFraction} of steps is held out for validation and early stopping.
     *
     * @throws InvalidInputException      when no site has a complete window to learn from
     * @throws TrainingCancelledException when {@code cancel} turns true
     */
    public static LstmForecaster pretrain(Dataset data, ForecastSettings settings,
                                          TrainingListener listener, BooleanSupplier cancel) {
        // Scale every site on its own training part; skip sites too short to learn from.
        List<Kpi> kpis = data.kpis();
        Map<String, SiteScaler> scalers = new LinkedHashMap<>();
        List<SiteSeries> used = new ArrayList<>();
        for (SiteSeries site : data.sites()) {
            SiteScaler scaler = fitScaler(kpis, site, settings);
            if (scaler == null) {
                LOG.warn("site {} skipped: too few observations before its validation part for a"
                        + " window of {}", site.site(), settings.window());
                continue;
            }
            scalers.put(site.site(), scaler);
            used.add(site);
        }

        // Windows of all sites; one network learns them all.
        Calendar calendar = Calendar.forStep(data.step());
        Windows windows = Windows.forTraining(kpis, calendar, used,
                new ArrayList<>(scalers.values()), settings.window(),
                settings.validationFraction());
        requireTrainingWindows(data, windows, settings, "any site");
        MultiLayerNetwork net = LstmNetworks.create(settings, windows.featureCount, kpis.size());
        TrainingLoop.History history = TrainingLoop.run(net, windows, settings, listener, cancel);

        SiteScaler fallback = SiteScaler.pooled(new ArrayList<>(scalers.values()), kpis.size());
        LstmForecaster.ModelInfo info = new LstmForecaster.ModelInfo(kpis, calendar, settings,
                scalers, fallback, residualSpread(net, windows), history.trainLoss(),
                history.validationLoss(), history.bestEpoch(), null, data.source(),
                fingerprint(data), productVersion(), "(unsaved model)");
        return new LstmForecaster(net, info);
    }

    /**
     * Adapts a pretrained model to one site: starts from its weights, trains on that site's
     * windows only with the fine-tune learning rate, optionally with the first LSTM layer frozen
     * ({@link ForecastSettings#freezeFirstLayer()}). The network's shape (layers, hidden size,
     * window) is the base model's; those settings are taken from it.
     *
     * @throws InvalidInputException      when the data does not fit the base model, the site is
     *                                    unknown or has no complete training window
     * @throws TrainingCancelledException when {@code cancel} turns true
     */
    public static LstmForecaster fineTune(LstmForecaster base, Dataset data, String siteId,
                                          ForecastSettings settings, TrainingListener listener,
                                          BooleanSupplier cancel) {
        base.checkCompatible(data);
        SiteSeries site = data.site(siteId).orElseThrow(() -> new InvalidInputException(
                InputProblem.of(data.source(), "no site '" + siteId + "'; the data has "
                        + describeSites(data))));
        ForecastSettings baseShape = base.settings();
        if (settings.freezeFirstLayer() && baseShape.layers() < 2) {
            // The single LSTM layer is wrapped to emit its last step; DL4J cannot freeze that
            // wrapper, and freezing the only recurrent layer would leave just the linear head.
            throw new InvalidInputException(InputProblem.of(base.info().file(),
                    "freezing the first layer needs a base model with 2 or more LSTM layers;"
                            + " this one has 1"));
        }
        ForecastSettings effective = settings.toBuilder().layers(baseShape.layers())
                .hiddenSize(baseShape.hiddenSize()).window(baseShape.window()).build();

        // The site's own scale, fitted exactly as in pretraining.
        SiteScaler scaler = fitScaler(data.kpis(), site, effective);
        if (scaler == null) {
            scaler = base.scalerFor(site);
        }
        Windows windows = Windows.forTraining(data.kpis(), base.info().calendar(), List.of(site),
                List.of(scaler), effective.window(), effective.validationFraction());
        requireTrainingWindows(data, windows, effective, "site '" + siteId + "'");

        MultiLayerNetwork net = LstmNetworks.forFineTuning(base.network(), effective);
        TrainingLoop.History history = TrainingLoop.run(net, windows, effective, listener, cancel);

        Map<String, SiteScaler> scalers = new LinkedHashMap<>();
        scalers.put(siteId, scaler);
        LstmForecaster.ModelInfo info = new LstmForecaster.ModelInfo(data.kpis(),
                base.info().calendar(), effective, scalers, base.info().fallback(),
                residualSpread(net, windows), history.trainLoss(), history.validationLoss(),
                history.bestEpoch(), siteId, data.source(), fingerprint(data), productVersion(),
                "(unsaved model)");
        return new LstmForecaster(net, info);
    }

    /**
     * A site's scaler, fitted on the part of its history before the validation share; null when
     * a KPI has fewer observations there than one window.
     */
    static SiteScaler fitScaler(List<Kpi> kpis, SiteSeries site, ForecastSettings settings) {
        int trainEnd = Windows.trainEnd(site.length(), settings.validationFraction());
        double[][] values = new double[kpis.size()][];
        for (int k = 0; k < kpis.size(); k++) {
            values[k] = site.series(k);
        }
        return SiteScaler.fit(kpis, values, trainEnd, settings.window());
    }

    private static void requireTrainingWindows(Dataset data, Windows windows,
                                               ForecastSettings settings, String where) {
        if (windows.indices(false).length == 0) {
            throw new InvalidInputException(InputProblem.of(data.source(),
                    "no complete run of " + (settings.window() + 1) + " observed steps in the"
                            + " training part of " + where + " (window " + settings.window()
                            + ", last " + Math.round(100 * settings.validationFraction())
                            + " % held out); use a shorter window or more data"));
        }
    }

    /**
     * Per KPI, 1.4826 x MAD of the validation residuals (the training residuals when there is no
     * validation window): the typical forecast error a score is measured in. Floored at 1e-3
     * scaled units so a perfectly fitted series cannot turn tiny errors into huge scores.
     */
    static double[] residualSpread(MultiLayerNetwork net, Windows windows) {
        int[] idx = windows.indices(true);
        if (idx.length == 0) {
            idx = windows.indices(false);
        }
        float[][] pred = TrainingLoop.predict(net, windows, idx);
        double[] spread = new double[windows.kpiCount];
        for (int k = 0; k < windows.kpiCount; k++) {
            double[] r = new double[idx.length];
            for (int i = 0; i < idx.length; i++) {
                r[i] = windows.targets[idx[i] * windows.kpiCount + k] - pred[i][k];
            }
            double s = SiteScaler.robustSpread(r, SiteScaler.median(r));
            spread[k] = Math.max(1e-3, s);
        }
        return spread;
    }

    /** SHA-256 over the KPIs (names, roles) and each site's identifier, start, step, values. */
    static String fingerprint(Dataset data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Kpi kpi : data.kpis()) {
                sha.update((kpi.name() + "\u0000" + kpi.role() + "\u0000")
                        .getBytes(StandardCharsets.UTF_8));
            }
            ByteBuffer buf = ByteBuffer.allocate(Double.BYTES);
            for (SiteSeries site : data.sites()) {
                sha.update((site.site() + "\u0000" + site.start() + "\u0000" + site.step()
                        + "\u0000").getBytes(StandardCharsets.UTF_8));
                for (int k = 0; k < site.kpiCount(); k++) {
                    for (int t = 0; t < site.length(); t++) {
                        buf.clear();
                        buf.putDouble(site.value(k, t));
                        sha.update(buf.array());
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    static String productVersion() {
        String v = ForecastTrainer.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    private static String describeSites(Dataset data) {
        List<String> ids = data.siteIds();
        return ids.size() <= 10 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
    }
}
