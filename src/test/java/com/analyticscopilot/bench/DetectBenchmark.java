package com.analyticscopilot.bench;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.detect.stl.StlDecomposer;
import com.analyticscopilot.detect.stl.StlParameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Throughput of STL and of the whole statistical detection over many series, for
 * docs/benchmarks.md. Not a test: run by hand.
 *
 * <pre>
 * java -Xmx6g -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     com.analyticscopilot.bench.DetectBenchmark [sites] [days] [repeats] [--detector-only]
 * </pre>
 * Data: the project's generator (3 KPIs per site), made before timing. Three measurements:
 * <ol>
 *   <li>STL alone with R's benchmark settings (period 7, s.window 7, t.window 15, l.window 7,
 *       robust: inner 1, outer 15) on 1 thread and on all cores, the same shape as R's
 *       {@code stl_bench.R};</li>
 *   <li>the whole detector with its defaults (robust STL with s.window 35 and t.window 29 on the
 *       role's scale, sampling-noise terms, robust z, thresholds, events) on all cores.</li>
 * </ol>
 */
public final class DetectBenchmark {

    private DetectBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 365;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int cores = Runtime.getRuntime().availableProcessors();
        boolean detectorOnly = args.length > 3 && args[3].equals("--detector-only");

        Dataset data = SyntheticKpis.generate(GeneratorSettings.defaults().withSites(sites)
                .withDays(days).withSeed(7)).dataset();
        List<double[]> series = new ArrayList<>();
        for (SiteSeries s : data.sites()) {
            for (int k = 0; k < s.kpiCount(); k++) {
                series.add(s.series(k));
            }
        }
        StlParameters.Resolved rBench = StlParameters.builder().seasonalWindow(7).robust(true)
                .build().resolve(days, 7);
        System.out.printf(Locale.ROOT, "%d sites x %d days x %d KPIs = %d series, %d cores, %s%n",
                sites, days, data.kpis().size(), series.size(), cores, rBench);

        // Warm-up: let the JIT compile the loess loops before timing.
        for (int i = 0; i < Math.min(2000, series.size()); i++) {
            StlDecomposer.decompose(series.get(i), rBench);
        }

        for (int threads : detectorOnly ? new int[0] : new int[] {1, cores}) {
            double[] seconds = new double[repeats];
            double[] cpu = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                ForkJoinPool pool = new ForkJoinPool(threads);
                long start = System.nanoTime();
                double cpuStart = cpuSeconds();
                pool.submit(() -> series.parallelStream()
                        .forEach(y -> StlDecomposer.decompose(y, rBench))).get();
                seconds[r] = (System.nanoTime() - start) / 1e9;
                cpu[r] = cpuSeconds() - cpuStart;
                pool.shutdown();
            }
            report("STL, R's settings, robust, " + threads + " thread(s)", series.size(),
                    seconds, cpu);
        }

        // The whole detector with and without the level-shift scan, interleaved so that both
        // see the same load on a shared machine.
        double[][] seconds = new double[2][repeats];
        double[][] cpu = new double[2][repeats];
        for (int r = 0; r < repeats; r++) {
            for (int scan = 0; scan < 2; scan++) {
                long start = System.nanoTime();
                double cpuStart = cpuSeconds();
                DetectionResult result = new Detector(DetectionSettings.defaults()
                        .withLevelShifts(scan == 1), null, ThresholdAdjustments.NONE).detect(data);
                seconds[scan][r] = (System.nanoTime() - start) / 1e9;
                cpu[scan][r] = cpuSeconds() - cpuStart;
                if (r == 0) {
                    System.out.printf(Locale.ROOT, "  (%d events, level-shift scan %s)%n",
                            result.events().size(), scan == 1 ? "on" : "off");
                }
            }
        }
        report("whole detector, no level-shift scan, " + cores + " threads", series.size(),
                seconds[0], cpu[0]);
        report("whole detector, defaults, " + cores + " threads", series.size(), seconds[1],
                cpu[1]);
    }

    private static void report(String what, int count, double[] seconds, double[] cpu) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double[] sortedCpu = cpu.clone();
        Arrays.sort(sortedCpu);
        double medianCpu = sortedCpu[sortedCpu.length / 2];
        System.out.printf(Locale.ROOT, "%-48s median %.2f s wall of %s -> %.0f series/s;"
                + " %.2f s CPU -> %.0f series per CPU-second%n", what, median,
                Arrays.toString(seconds), count / median, medianCpu, count / medianCpu);
    }

    /** CPU time of this process in seconds: all its threads, whatever else runs on the host. */
    private static double cpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e9;
    }
}
