package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.SiteSeries;

/**
 * Validation error of a forecaster and of the seasonal naive forecast, over exactly the same
 * windows of one site (the complete windows whose target is in the site's validation part),
 * on the same scale. This is how pretrained, fine-tuned and from-scratch models are compared.
 */
public final class ForecastEvaluation {

    private ForecastEvaluation() {
    }

    /** The model's mean squared error on the site's validation windows. */
    public static ForecastError validationError(LstmForecaster model, Dataset data, String site) {
        model.checkCompatible(data);
        Prepared p = prepare(data, site, model.settings(), model.info().calendar());
        float[][] pred = TrainingLoop.predict(model.network(), p.windows, p.idx);
        int kCount = p.windows.kpiCount;
        double[] sum = new double[kCount];
        for (int i = 0; i < p.idx.length; i++) {
            for (int k = 0; k < kCount; k++) {
                double e = pred[i][k] - p.windows.targets[p.idx[i] * kCount + k];
                sum[k] += e * e;
            }
        }
        return summarise(sum, p.idx.length);
    }

    /**
     * The seasonal naive forecast's mean squared error: each step forecast by the value one
     * {@code period} earlier (a week for daily data), on the same windows and scale as
     * {@link #validationError} with the same {@code settings}.
     */
    public static ForecastError seasonalNaive(Dataset data, String site,
                                              ForecastSettings settings, int period) {
        Prepared p = prepare(data, site, settings, Calendar.forStep(data.step()));
        int kCount = p.windows.kpiCount;
        double[] sum = new double[kCount];
        int n = 0;
        for (int i : p.idx) {
            int t = p.windows.targetStep[i];
            if (t - period < 0 || hasMissing(p.scaled, kCount, t - period)) {
                continue;
            }
            for (int k = 0; k < kCount; k++) {
                double e = p.scaled[k][t - period] - p.windows.targets[i * kCount + k];
                sum[k] += e * e;
            }
            n++;
        }
        return summarise(sum, n);
    }

    private record Prepared(Windows windows, int[] idx, double[][] scaled) {
    }

    private static Prepared prepare(Dataset data, String siteId, ForecastSettings settings,
                                    Calendar calendar) {
        SiteSeries site = data.site(siteId).orElseThrow(() -> new InvalidInputException(
                InputProblem.of(data.source(), "no site '" + siteId + "'")));
        SiteScaler scaler = ForecastTrainer.fitScaler(data.kpis(), site, settings);
        if (scaler == null) {
            throw new InvalidInputException(InputProblem.of(data.source(),
                    "site '" + siteId + "' has too few observations to evaluate"));
        }
        Windows windows = Windows.forTraining(data.kpis(), calendar, java.util.List.of(site),
                java.util.List.of(scaler), settings.window(), settings.validationFraction());
        double[][] scaled = Windows.scaleAll(data.kpis(), calendar, site, scaler);
        return new Prepared(windows, windows.indices(true), scaled);
    }

    private static boolean hasMissing(double[][] z, int kCount, int t) {
        for (int k = 0; k < kCount; k++) {
            if (Double.isNaN(z[k][t])) {
                return true;
            }
        }
        return false;
    }

    private static ForecastError summarise(double[] sum, int n) {
        double[] perKpi = new double[sum.length];
        double overall = 0;
        for (int k = 0; k < sum.length; k++) {
            perKpi[k] = n == 0 ? Double.NaN : sum[k] / n;
            overall += perKpi[k] / sum.length;
        }
        return new ForecastError(perKpi, overall, n);
    }
}
