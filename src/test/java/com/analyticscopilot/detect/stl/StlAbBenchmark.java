package com.analyticscopilot.detect.stl;

import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import com.github.servicenow.ds.stats.stl.SeasonalTrendLoess;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A/B throughput of {@link FastStl} against stl-decomp-4j in one JVM, on one thread, for
 * docs/benchmarks.md. Not a test: run by hand.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     com.analyticscopilot.detect.stl.StlAbBenchmark [series] [rounds]
 * </pre>
 * Same series for both (the generator, seed 7, 365 days, 3 KPIs per site), R's benchmark
 * settings (period 7, s.window 7, robust: inner 1, outer 15). Both get a warm-up of 2,000
 * series, then the rounds alternate library, ours, library, ours... Wall time and this
 * thread's CPU time per pass; medians over the rounds and the ratio.
 */
public final class StlAbBenchmark {

    private StlAbBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<double[]> series = new ArrayList<>();
        int sites = (count + 2) / 3;
        for (SiteSeries s : SyntheticKpis.generate(GeneratorSettings.defaults().withSites(sites)
                .withDays(365).withSeed(7)).dataset().sites()) {
            for (int k = 0; k < s.kpiCount() && series.size() < count; k++) {
                series.add(StlDecomposer.interpolateMissing(s.series(k)));
            }
        }
        StlParameters.Resolved p = StlParameters.builder().seasonalWindow(7).robust(true)
                .build().resolve(365, 7);
        // The logging rule is for product code; a hand-run benchmark prints its figures.
        System.out.printf(Locale.ROOT, "%d series of 365, %s%n", series.size(), p);

        for (int i = 0; i < Math.min(2000, series.size()); i++) {
            library(series.get(i), p);
            ours(series.get(i), p);
        }

        double[][] wall = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double checksum = 0;
        for (int r = 0; r < rounds; r++) {
            for (int which = 0; which < 2; which++) {
                long start = System.nanoTime();
                long cpuStart = mx.getCurrentThreadCpuTime();
                for (double[] y : series) {
                    checksum += which == 0 ? library(y, p) : ours(y, p);
                }
                wall[which][r] = (System.nanoTime() - start) / 1e9;
                cpu[which][r] = (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            }
        }
        String[] names = {"stl-decomp-4j 1.0.5", "FastStl"};
        double[] cpuMedian = new double[2];
        double[] wallMedian = new double[2];
        for (int which = 0; which < 2; which++) {
            wallMedian[which] = median(wall[which]);
            cpuMedian[which] = median(cpu[which]);
            System.out.printf(Locale.ROOT, "%-20s wall %s median %.2f s -> %.0f series/s;"
                    + " CPU %s median %.2f s -> %.0f series per CPU-second%n", names[which],
                    Arrays.toString(wall[which]), wallMedian[which],
                    series.size() / wallMedian[which], Arrays.toString(cpu[which]),
                    cpuMedian[which], series.size() / cpuMedian[which]);
        }
        System.out.printf(Locale.ROOT, "speed-up FastStl / library: %.2f x (CPU), %.2f x (wall);"
                + " checksum %.6g%n", cpuMedian[0] / cpuMedian[1], wallMedian[0] / wallMedian[1],
                checksum);
    }

    private static double library(double[] y, StlParameters.Resolved p) {
        SeasonalTrendLoess.Decomposition d = new SeasonalTrendLoess.Builder()
                .setPeriodLength(p.period()).setSeasonalWidth(p.seasonalWindow())
                .setSeasonalDegree(p.seasonalDegree()).setSeasonalJump(p.seasonalJump())
                .setTrendWidth(p.trendWindow()).setTrendDegree(p.trendDegree())
                .setTrendJump(p.trendJump()).setLowpassWidth(p.lowPassWindow())
                .setLowpassDegree(p.lowPassDegree()).setLowpassJump(p.lowPassJump())
                .setInnerIterations(p.inner()).setRobustnessIterations(p.outer())
                .buildSmoother(y).decompose();
        return d.getTrend()[0] * 0 + d.getSeasonal()[1] * 0;
    }

    private static double ours(double[] y, StlParameters.Resolved p) {
        double[][] d = new FastStl(y.length, p).fit(y, p.inner(), p.outer());
        return d[1][0] * 0 + d[0][1] * 0;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
