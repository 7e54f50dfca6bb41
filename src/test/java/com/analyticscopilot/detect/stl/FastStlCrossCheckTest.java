package com.analyticscopilot.detect.stl;

import com.github.servicenow.ds.stats.stl.SeasonalTrendLoess;
import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * {@link FastStl} against stl-decomp-4j, an independent implementation of the same algorithm
 * that also matched R's fixtures, on random series and parameters beyond the fixtures' (odd and
 * even lengths, short and long periods, jumps, degrees, robust or not, periodic). Both use the
 * exact median. Revived from the cross-check of the earlier LoessStl attempt.
 */
class FastStlCrossCheckTest {

    @Test
    void agreesWithStlDecomp4jOnRandomSeriesAndParameters() {
        Random random = new Random(17);
        for (int run = 0; run < 60; run++) {
            int period = 2 + random.nextInt(30);
            int n = 2 * period + random.nextInt(400);
            double[] y = new double[n];
            for (int t = 0; t < n; t++) {
                // Trend, season, noise with an occasional outlier (1 in 40) for the robust fits.
                y[t] = 50 + 0.05 * t + 8 * Math.sin(2 * Math.PI * t / period)
                        + random.nextGaussian() * (random.nextInt(40) == 0 ? 30 : 2);
            }
            if (run % 7 == 3) {
                // Whole numbers: tied values for the median's selection. (Counts so small that
                // most remainders are exactly 0 make the median absolute remainder a rounding
                // error, and the robustness weights then depend on the last bit of each
                // implementation's sums: R's included; not a useful comparison.)
                for (int t = 0; t < n; t++) {
                    y[t] = Math.round(y[t]);
                }
            }
            StlParameters.Builder b = StlParameters.builder().period(period)
                    .seasonalDegree(random.nextInt(2)).trendDegree(random.nextInt(2))
                    .robust(random.nextBoolean());
            if (run % 10 == 9) {
                b.periodic();
            } else {
                b.seasonalWindow(3 + random.nextInt(40));
            }
            if (random.nextBoolean()) {
                b.trendWindow(3 + random.nextInt(60)).seasonalJump(1 + random.nextInt(5))
                        .trendJump(1 + random.nextInt(5)).lowPassJump(1 + random.nextInt(3));
            }
            StlParameters.Resolved p = b.build().resolve(n, period);

            double[][] ours = new FastStl(n, p).fit(y, p.inner(), p.outer());
            SeasonalTrendLoess.Decomposition theirs = new SeasonalTrendLoess.Builder()
                    .setPeriodLength(p.period()).setSeasonalWidth(p.seasonalWindow())
                    .setSeasonalDegree(p.seasonalDegree()).setSeasonalJump(p.seasonalJump())
                    .setTrendWidth(p.trendWindow()).setTrendDegree(p.trendDegree())
                    .setTrendJump(p.trendJump()).setLowpassWidth(p.lowPassWindow())
                    .setLowpassDegree(p.lowPassDegree()).setLowpassJump(p.lowPassJump())
                    .setInnerIterations(p.inner()).setRobustnessIterations(p.outer())
                    .buildSmoother(y).decompose();

            String what = "run " + run + " n=" + n + " " + p;
            StlGoldenTest.assertClose(theirs.getSeasonal(), ours[0], 1e-8, what + " seasonal");
            StlGoldenTest.assertClose(theirs.getTrend(), ours[1], 1e-8, what + " trend");
            if (p.robust()) {
                StlGoldenTest.assertClose(theirs.getWeights(), ours[2], 1e-8, what + " weights");
            }
        }
    }
}
