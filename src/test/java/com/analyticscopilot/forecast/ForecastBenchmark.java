package com.analyticscopilot.forecast;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The speed benchmark of docs/benchmarks.md, run from the test class path (not a
 * test). Two modes:
 * <ul>
 *   <li>{@code epoch} (default): the workload of shared/reference/lstm_torch.py (50 sites x 180
 *       days, 3 KPIs, window 14, 2 x 64 LSTM, Adam 1e-3, float32, no calendar features, all
 *       windows trained) timed per epoch, then inference in batches of 64 and in one batch.</li>
 *   <li>{@code converge}: the product's own pipeline ({@link ForecastTrainer#pretrain}: robust
 *       scaling, day-of-week features, 20 % validation, early stopping) on the same-shaped data,
 *       timed to the early stop; the best validation loss tells whether it converged as well.</li>
 * </ul>
 * Arguments: {@code key=value} pairs: mode, batch, epochs, lr, hidden, layers, seed.
 */
public final class ForecastBenchmark {

    private static final Map<String, String> ARGS = new HashMap<>();

    private ForecastBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, String> a = ARGS;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        String mode = a.getOrDefault("mode", "epoch");
        if (a.containsKey("threads")) {
            int n = Integer.parseInt(a.get("threads"));
            var ops = org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps();
            int before = ops.ompGetMaxThreads();
            ops.setOmpNumThreads(n);
            Nd4j.getEnvironment().setMaxThreads(n);
            System.out.println("threads set in code: omp max " + before + " -> "
                    + ops.ompGetMaxThreads());
        }
        if ("off".equals(a.get("gc"))) {
            Nd4j.getMemoryManager().togglePeriodicGc(false);
        }
        int batch = Integer.parseInt(a.getOrDefault("batch", "64"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "5"));
        double lr = Double.parseDouble(a.getOrDefault("lr", "1e-3"));
        int hidden = Integer.parseInt(a.getOrDefault("hidden", "64"));
        int layers = Integer.parseInt(a.getOrDefault("layers", "2"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1234"));
        Dataset data = torchLikeData(50, 180, seed);
        ForecastSettings settings = ForecastSettings.builder().layers(layers).hiddenSize(hidden)
                .window(14).batchSize(batch).maxEpochs(epochs).learningRate(lr).seed(seed)
                .patience(Integer.parseInt(a.getOrDefault("patience", "6"))).build();
        System.out.printf(Locale.ROOT, "dl4j mode=%s batch=%d lr=%g OMP_NUM_THREADS=%s "
                        + "OMP_WAIT_POLICY=%s cpus=%d%n", mode, batch, lr,
                System.getenv("OMP_NUM_THREADS"), System.getenv("OMP_WAIT_POLICY"),
                Runtime.getRuntime().availableProcessors());
        if (mode.equals("converge")) {
            converge(data, settings);
        } else {
            perEpoch(data, settings);
        }
    }

    private static void perEpoch(Dataset data, ForecastSettings settings) {
        // The reference script z-scores every site and feature and trains on every window.
        List<SiteScaler> scalers = new ArrayList<>();
        for (SiteSeries s : data.sites()) {
            scalers.add(zScore(s));
        }
        List<Kpi> plain = List.of(new Kpi("a", KpiRole.VALUE), new Kpi("b", KpiRole.VALUE),
                new Kpi("c", KpiRole.VALUE));
        Windows w = Windows.forTraining(plain, Calendar.NONE, data.sites(), scalers, 14, 0.0001);
        Arrays.fill(w.validation, false);
        WorkspaceMode ws = WorkspaceMode.valueOf(ARGS.getOrDefault("ws", "ENABLED"));
        MultiLayerNetwork net = LstmNetworks.create(settings, w.featureCount, w.kpiCount, ws);
        System.out.println("workspaces=" + ws + " periodicGc="
                + Nd4j.getMemoryManager().isPeriodicGcActive());
        System.out.printf(Locale.ROOT, "windows=%d params=%d%n", w.size(), net.numParams());

        double[] seconds = new double[settings.maxEpochs()];
        double[] cpuSeconds = new double[settings.maxEpochs()];
        long[] lastCpu = {processCpuNanos()};
        TrainingListener timing = p -> { };
        long[] last = {System.nanoTime()};
        ForecastSettings oneEpoch = settings.toBuilder().maxEpochs(1).patience(1).build();
        for (int e = 0; e < settings.maxEpochs(); e++) {
            TrainingLoop.History h = TrainingLoop.run(net, w, oneEpoch.toBuilder()
                    .seed(settings.seed() + e).build(), timing, () -> false);
            long now = System.nanoTime();
            long cpu = processCpuNanos();
            seconds[e] = (now - last[0]) / 1e9;
            cpuSeconds[e] = (cpu - lastCpu[0]) / 1e9;
            last[0] = now;
            lastCpu[0] = cpu;
            System.out.printf(Locale.ROOT, "epoch %d: %.2f s wall, %.2f s cpu, train MSE %.4f%n",
                    e + 1, seconds[e], cpuSeconds[e], h.trainLoss()[0]);
        }
        double median = median(Arrays.copyOfRange(seconds, Math.min(1, seconds.length - 1),
                seconds.length));
        double medianCpu = median(Arrays.copyOfRange(cpuSeconds,
                Math.min(1, seconds.length - 1), seconds.length));
        System.out.printf(Locale.ROOT, "median s/epoch (after the first) %.3f wall, %.3f cpu ->"
                + " %.0f train windows/s%n", median, medianCpu, w.size() / median);

        int[] all = w.all();
        int repeats = 3;
        double[] small = new double[repeats];
        double[] big = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int from = 0; from < all.length; from += 64) {
                net.output(w.inputBatch(all, from, Math.min(all.length, from + 64)), false);
            }
            small[r] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            net.output(w.inputBatch(all, 0, all.length), false);
            big[r] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "inference batch 64: %.3f s (%.0f windows/s); one batch"
                        + " of %d: %.3f s (%.0f windows/s)%n", median(small),
                all.length / median(small), all.length, median(big), all.length / median(big));
    }

    private static void converge(Dataset data, ForecastSettings settings) {
        long t0 = System.nanoTime();
        long[] bestAt = {0};
        double[] best = {Double.POSITIVE_INFINITY};
        LstmForecaster model = ForecastTrainer.pretrain(data, settings, p -> {
            if (p.validationLoss() < best[0]) {
                best[0] = p.validationLoss();
                bestAt[0] = System.nanoTime();
            }
            System.out.printf(Locale.ROOT, "epoch %d: train %.4f val %.4f (%.1f s)%n",
                    p.epoch(), p.trainLoss(), p.validationLoss(), p.elapsed().toMillis() / 1e3);
        }, () -> false);
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "converged: best val MSE %.4f at epoch %d, %.1f s to the"
                        + " best epoch, %.1f s with early stopping (%d epochs)%n",
                best[0], model.bestEpoch(), (bestAt[0] - t0) / 1e9, total,
                model.trainLoss().length);
    }

    private static SiteScaler zScore(SiteSeries s) {
        double[] center = new double[s.kpiCount()];
        double[] scale = new double[s.kpiCount()];
        for (int k = 0; k < s.kpiCount(); k++) {
            double[] v = s.series(k);
            double mean = Arrays.stream(v).average().orElse(0);
            double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(1);
            center[k] = mean;
            scale[k] = Math.sqrt(var);
        }
        return new SiteScaler(center, scale);
    }

    /** Same recipe as lstm_torch.py's make_data (another RNG, so not the same numbers). */
    static Dataset torchLikeData(int sites, int days, long seed) {
        Random rnd = new Random(seed);
        double[] weekly = {0.00, 0.06, 0.08, 0.07, 0.05, -0.10, -0.16};
        List<SiteSeries> list = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            double level = 500 + 19_500 * rnd.nextDouble();
            double growth = 0.0005 + 0.001 * rnd.nextGaussian();
            double conv0 = 0.01 + 0.04 * rnd.nextDouble();
            double aov = 20 + 100 * rnd.nextDouble();
            double[][] v = new double[3][days];
            for (int t = 0; t < days; t++) {
                double w = weekly[t % 7];
                v[0][t] = level * (1 + growth * t) * (1 + w) * Math.exp(0.05 * rnd.nextGaussian());
                v[1][t] = Math.max(1e-4, conv0 * (1 + 0.5 * w) + 0.002 * rnd.nextGaussian());
                v[2][t] = v[0][t] * v[1][t] * aov * Math.exp(0.08 * rnd.nextGaussian());
            }
            list.add(new SiteSeries("site-" + (s + 1), LocalDateTime.of(2026, 1, 5, 0, 0),
                    TimeStep.DAILY, v));
        }
        return new Dataset("benchmark", ForecastTestData.kpis(), TimeStep.DAILY, list);
    }

    /** CPU time of the whole process (all threads, native ones included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] v) {
        return SiteScaler.median(v);
    }

    static {
        // Make sure ND4J is loaded before any timing starts.
        Nd4j.create(1);
    }
}
