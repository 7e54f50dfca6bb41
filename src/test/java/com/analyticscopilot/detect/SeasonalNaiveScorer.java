package com.analyticscopilot.detect;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.detect.stl.RobustScale;
import com.analyticscopilot.forecast.NeuralScores;
import com.analyticscopilot.forecast.ResidualScorer;

import java.util.Arrays;

/**
 * A real, simple second view for tests of fusion: the seasonal-naive forecast (the value one
 * period ago, averaged over the last {@code cycles} periods), scored by its error over the
 * robust spread of those errors. Works on log1p for counts and money, like the STL view.
 */
final class SeasonalNaiveScorer implements ResidualScorer {

    private final int cycles;

    SeasonalNaiveScorer(int cycles) {
        this.cycles = cycles;
    }

    @Override
    public NeuralScores score(Dataset dataset, SiteSeries site) {
        int period = dataset.step().defaultPeriod();
        int kpis = dataset.kpis().size();
        int n = site.length();
        double[][] forecast = new double[kpis][n];
        double[][] score = new double[kpis][n];
        for (int k = 0; k < kpis; k++) {
            KpiRole role = dataset.kpis().get(k).role();
            boolean log = role == KpiRole.COUNT || role == KpiRole.MONEY;
            double[] y = site.series(k);
            double[] error = new double[n];
            Arrays.fill(forecast[k], Double.NaN);
            Arrays.fill(error, Double.NaN);
            for (int t = cycles * period; t < n; t++) {
                double sum = 0;
                int count = 0;
                for (int c = 1; c <= cycles; c++) {
                    double past = y[t - c * period];
                    if (!Double.isNaN(past)) {
                        sum += log ? Math.log1p(past) : past;
                        count++;
                    }
                }
                if (count == 0 || Double.isNaN(y[t])) {
                    continue;
                }
                double f = sum / count;
                forecast[k][t] = log ? Math.expm1(f) : f;
                error[t] = (log ? Math.log1p(y[t]) : y[t]) - f;
            }
            double center = RobustScale.median(error);
            double sigma = RobustScale.sigma(error, center, 1e-12);
            for (int t = 0; t < n; t++) {
                score[k][t] = (error[t] - center) / sigma;
            }
        }
        return new NeuralScores(forecast, score);
    }
}
