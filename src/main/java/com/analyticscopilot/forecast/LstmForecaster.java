package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.SiteSeries;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A trained LSTM forecaster: reads the last {@code window} steps of a site's KPIs and forecasts
 * the next step of each. Its forecast errors, scaled by how large they were on the validation
 * part, are the neural anomaly score. Made by {@link ForecastTrainer}, kept with
 * {@link #save(Path)} and {@link #load(Path)}.
 *
 * <p>Scores for a site the model was trained on use that site's stored scaler; a site it never
 * saw gets a scaler fitted on its own history in the same way (the first part, before the
 * validation share), or, when that history has too few observations, the stored fallback: the
 * KPI-wise median of all training sites' scalers.
 */
public final class LstmForecaster implements ResidualScorer {

    /** Model file format written by this version; {@link #load} reads this and older ones. */
    public static final int FORMAT_VERSION = 1;

    private final MultiLayerNetwork network;
    private final ModelInfo info;

    LstmForecaster(MultiLayerNetwork network, ModelInfo info) {
        this.network = Objects.requireNonNull(network, "network");
        this.info = Objects.requireNonNull(info, "info");
    }

    /**
     * What a model knows besides its weights. Package-private: the public face of the model is
     * the accessors of {@link LstmForecaster}.
     */
    record ModelInfo(List<Kpi> kpis, Calendar calendar, ForecastSettings settings,
                     Map<String, SiteScaler> scalers, SiteScaler fallback,
                     double[] residualSpread, double[] trainLoss, double[] validationLoss,
                     int bestEpoch, String fineTunedSite, String dataSource,
                     String dataFingerprint, String productVersion, String file) {

        ModelInfo withFile(String newFile) {
            return new ModelInfo(kpis, calendar, settings, scalers, fallback, residualSpread,
                    trainLoss, validationLoss, bestEpoch, fineTunedSite, dataSource,
                    dataFingerprint, productVersion, newFile);
        }
    }

    /** Reads a model file; see {@link ModelFile} for what is checked. */
    public static LstmForecaster load(Path file) {
        return ModelFile.read(file);
    }

    /**
     * Writes the model to one zip file (network plus metadata). Writes a temporary file next to
     * {@code file} first and moves it into place, so a failed save never destroys an existing
     * model.
     *
     * @throws InvalidInputException when the file cannot be written
     */
    public void save(Path file) {
        ModelFile.write(this, file);
    }

    MultiLayerNetwork network() {
        return network;
    }

    ModelInfo info() {
        return info;
    }

    LstmForecaster withFile(String file) {
        return new LstmForecaster(network, info.withFile(file));
    }

    /** The KPIs it forecasts, in order, with their roles. */
    public List<Kpi> kpis() {
        return info.kpis;
    }

    /** Steps of history per forecast. */
    public int window() {
        return info.settings.window();
    }

    /** The settings it was trained with. */
    public ForecastSettings settings() {
        return info.settings;
    }

    /** Sites with a stored scaler, i.e. the sites it was trained on. */
    public Set<String> sites() {
        return Collections.unmodifiableSet(info.scalers.keySet());
    }

    /** The site it was fine-tuned on; empty for a pretrained model. */
    public Optional<String> fineTunedSite() {
        return Optional.ofNullable(info.fineTunedSite);
    }

    /** Mean training loss of every epoch run (scaled units, MSE). */
    public double[] trainLoss() {
        return info.trainLoss.clone();
    }

    /** Validation loss of every epoch run; NaN where there was no validation window. */
    public double[] validationLoss() {
        return info.validationLoss.clone();
    }

    /** The 1-based epoch whose weights the model holds. */
    public int bestEpoch() {
        return info.bestEpoch;
    }

    /** SHA-256 of the training data (KPIs, sites, every value), hex. */
    public String dataFingerprint() {
        return info.dataFingerprint;
    }

    /** The data set it was trained on, as named when training. */
    public String dataSource() {
        return info.dataSource;
    }

    /** The Analytics Copilot version that trained it. */
    public String productVersion() {
        return info.productVersion;
    }

    /** Per KPI, the robust spread of validation residuals that turns a residual into a score. */
    public double[] residualSpread() {
        return info.residualSpread.clone();
    }

    /**
     * Checks that {@code dataset} has this model's KPIs, in the same order and roles, and a time
     * step it can read.
     *
     * @throws InvalidInputException naming the model file and the data when they do not fit
     */
    public void checkCompatible(Dataset dataset) {
        List<String> mine = info.kpis.stream().map(k -> k.name() + " (" + k.role().label() + ")")
                .toList();
        List<String> theirs = dataset.kpis().stream()
                .map(k -> k.name() + " (" + k.role().label() + ")").toList();
        if (!mine.equals(theirs)) {
            throw new InvalidInputException(InputProblem.of(info.file,
                    "the model forecasts KPIs " + mine + ", but " + dataset.source() + " has "
                            + theirs + "; train a model on this data (copilot pretrain)"));
        }
        if (Calendar.forStep(dataset.step()) != info.calendar) {
            throw new InvalidInputException(InputProblem.of(info.file,
                    "the model was trained on data with " + info.calendar.name().toLowerCase()
                            + " calendar features, but " + dataset.source() + " is "
                            + dataset.step().label()));
        }
    }

    /**
     * Forecasts every step of {@code site} that has a complete window of {@code window} steps
     * before it, and scores each observation: (observed - forecast) on the model's scaled scale,
     * over the KPI's robust spread of validation residuals. NaN where there is no forecast; a
     * missing observation gets a forecast but a NaN score.
     *
     * @throws InvalidInputException when the data set's KPIs are not the model's
     */
    @Override
    public NeuralScores score(Dataset dataset, SiteSeries site) {
        checkCompatible(dataset);
        SiteScaler scaler = scalerFor(site);
        Windows windows = Windows.forScoring(info.kpis, info.calendar, site, scaler, window());
        float[][] pred = TrainingLoop.predict(network, windows, windows.all());

        int kCount = info.kpis.size();
        double[][] forecast = new double[kCount][site.length()];
        double[][] score = new double[kCount][site.length()];
        for (double[] row : forecast) {
            Arrays.fill(row, Double.NaN);
        }
        for (double[] row : score) {
            Arrays.fill(row, Double.NaN);
        }
        for (int i = 0; i < windows.size(); i++) {
            int t = windows.targetStep[i];
            for (int k = 0; k < kCount; k++) {
                Kpi kpi = info.kpis.get(k);
                forecast[k][t] = scaler.unscale(kpi, k, pred[i][k]);
                double observed = scaler.scale(kpi, k, site.value(k, t));
                score[k][t] = (observed - pred[i][k]) / info.residualSpread[k];
            }
        }
        return new NeuralScores(forecast, score);
    }

    /** The stored scaler of a known site; else one fitted on its history; else the fallback. */
    SiteScaler scalerFor(SiteSeries site) {
        SiteScaler stored = info.scalers.get(site.site());
        if (stored != null) {
            return stored;
        }
        SiteScaler own = ForecastTrainer.fitScaler(info.kpis, site, info.settings);
        return own != null ? own : info.fallback;
    }

    /** The stored scalers in site order; a copy. */
    Map<String, SiteScaler> scalers() {
        return new LinkedHashMap<>(info.scalers);
    }

    @Override
    public String toString() {
        return "LstmForecaster[" + info.kpis.size() + " KPIs, window " + window() + ", "
                + info.scalers.size() + " sites" + (info.fineTunedSite == null ? ""
                : ", fine-tuned on " + info.fineTunedSite) + "]";
    }
}
