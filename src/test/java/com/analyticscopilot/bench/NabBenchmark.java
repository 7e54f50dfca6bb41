package com.analyticscopilot.bench;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.DetectionMethod;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.SeriesScores;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.forecast.ForecastSettings;
import com.analyticscopilot.forecast.ForecastTrainer;
import com.analyticscopilot.forecast.LstmForecaster;
import com.analyticscopilot.forecast.TrainingListener;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the detector over the NAB subset at native granularity and writes, for every method and
 * alerting policy, one {@code OUT/<method>-<policy>/<group>/<file>.csv}
 * ({@code timestamp,is_anomaly,score}) per data file, for {@code score_windows.py}. Not a test:
 * run by hand (README.md).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     com.analyticscopilot.bench.NabBenchmark ../shared/benchmarks/nab OUT [stl|all]
 * </pre>
 *
 * With {@code all}, a small LSTM forecaster is trained on each file alone (see
 * {@link #FORECAST}, {@link #TRAIN_SHARE}) and the lstm and hybrid methods run beside stl.
 *
 * <p>Each file is put on a regular grid: the step is the most common difference between
 * consecutive timestamps; each row goes to its nearest grid point; rows on the same point are
 * averaged; grid points without a row are missing. The period comes from the step
 * ({@link TimeStep#defaultPeriod()}). The role is {@code count} for realTweets (tweets per
 * 5 minutes are counts) and {@code value} (raw scale, no sampling-noise term) for the rest.
 *
 * <p>Alerting policies, none of them looking at labels:
 * <ul>
 *   <li>{@code rows}: every flagged step is an alert (the detector's raw flags);</li>
 *   <li>{@code onset}: an analyst is alerted once when an incident starts, so only the first
 *       step of each run of flagged steps alerts (the start of each of the detector's
 *       events);</li>
 *   <li>{@code pot<N>d}: {@code onset}, with the threshold raised per file to the score that
 *       one step in N days exceeds, extrapolated by {@link TailThreshold} from the file's own
 *       scores over NAB's probation (the first 15 % of rows, at most 750, which are never
 *       scored); never below the detector's own threshold.</li>
 * </ul>
 */
public final class NabBenchmark {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** NAB's probation: the first 15 % of a file's rows, at most 750. */
    private static final double PROBATION_SHARE = 0.15;
    private static final int PROBATION_MAX = 750;

    /** Target false-alarm rates of the pot policies: one exceeding step per this many days. */
    private static final int[] POT_DAYS = {1, 3, 7, 14, 30, 90};

    /**
     * The per-file forecaster: tiny, because 41 files share two cores with other work. One
     * layer of 16 units reading 24 steps (2 hours at 5 minutes, a day at 1 hour); a higher
     * learning rate than the daily default because it trains from scratch in a few epochs.
     */
    static final ForecastSettings FORECAST = ForecastSettings.builder().layers(1).hiddenSize(16)
            .window(24).batchSize(64).maxEpochs(6).patience(2).learningRate(5e-3).seed(42)
            .validationFraction(0.2).build();

    /**
     * The forecaster learns from the first 30 % of each file's steps (probation plus a little),
     * capped at 3,000 steps, so training stays cheap and most scored rows are unseen.
     */
    static final double TRAIN_SHARE = 0.30;
    static final int TRAIN_MAX_STEPS = 3_000;

    private NabBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path nab = Path.of(args[0]);
        Path out = Path.of(args[1]);
        boolean neural = args.length > 2 && args[2].equals("all");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(nab.resolve("data"))) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        long started = System.nanoTime();
        double trainingSeconds = 0;
        for (Path file : files) {
            String group = file.getParent().getFileName().toString();
            Path relative = Path.of(group, file.getFileName().toString());
            trainingSeconds += run(file, group, relative, out, neural);
        }
        System.out.printf(Locale.ROOT, "%d files, %.1f s (training %.1f s)%n", files.size(),
                (System.nanoTime() - started) / 1e9, trainingSeconds);
    }

    /** One file on its grid: the stamps as written, each row's grid cell, the dataset. */
    private record Gridded(List<String> stamps, int[] cell, Dataset data, int probationCells,
                           double stepSeconds) {
    }

    /** Scores one file with every method asked; returns the seconds spent training. */
    private static double run(Path file, String group, Path relative, Path out, boolean neural)
            throws IOException {
        Gridded g = grid(file, group);
        write(g, detect(g.data(), DetectionMethod.STL, null), out, "stl", relative);
        if (!neural) {
            return 0;
        }

        // A forecaster of this file alone, from its first steps.
        long t0 = System.nanoTime();
        LstmForecaster model = train(g.data(), relative);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (model == null) {
            // As the product does without a model: lstm and hybrid fall back to STL alone.
            System.out.printf(Locale.ROOT, "%s: no forecaster, lstm and hybrid fall back to"
                    + " stl%n", relative);
        }

        write(g, detect(g.data(), DetectionMethod.LSTM, model), out, "lstm", relative);
        write(g, detect(g.data(), DetectionMethod.HYBRID, model), out, "hybrid", relative);
        return seconds;
    }

    /**
     * Trains on the first {@link #TRAIN_SHARE} of the steps (at most {@link #TRAIN_MAX_STEPS});
     * when that part has no complete window (irregular files with many empty grid points), on
     * the whole file up to the cap; null when even that has none.
     */
    private static LstmForecaster train(Dataset data, Path relative) {
        SiteSeries site = data.sites().get(0);
        int share = (int) Math.min(TRAIN_MAX_STEPS, Math.round(TRAIN_SHARE * site.length()));
        int all = Math.min(TRAIN_MAX_STEPS, site.length());
        for (int steps : new int[] {share, all}) {
            double[] prefix = Arrays.copyOf(site.series(0), steps);
            Dataset head = new Dataset(data.source(), data.kpis(), data.step(),
                    List.of(new SiteSeries(site.site(), site.time(0), data.step(),
                            new double[][] {prefix})));
            try {
                long t0 = System.nanoTime();
                LstmForecaster model = ForecastTrainer.pretrain(head, FORECAST,
                        TrainingListener.NONE, () -> false);
                System.out.printf(Locale.ROOT, "%s: trained on %d steps in %.1f s%n", relative,
                        steps, (System.nanoTime() - t0) / 1e9);
                return model;
            } catch (InvalidInputException e) {
                System.out.printf(Locale.ROOT, "%s: %d steps: %s%n", relative, steps,
                        e.getMessage());
            }
        }
        return null;
    }

    private static SeriesScores detect(Dataset data, DetectionMethod method,
                                       LstmForecaster model) {
        DetectionSettings settings = DetectionSettings.defaults().withMethod(method)
                .withThreads(1);
        DetectionResult result = new Detector(settings, model, ThresholdAdjustments.NONE)
                .detect(data);
        return result.allSeries().get(0);
    }

    /** Writes the output of every alerting policy for one method and file. */
    private static void write(Gridded g, SeriesScores s, Path out, String method,
                              Path relative) throws IOException {
        int n = s.length();
        double[] score = new double[n];
        boolean[] flags = new boolean[n];
        for (int t = 0; t < n; t++) {
            score[t] = Math.abs(s.score(t));
            flags[t] = s.flagged(t);
        }
        writeFile(g, flags, score, out.resolve(method + "-rows").resolve(relative));
        writeFile(g, onsets(flags), score, out.resolve(method + "-onset").resolve(relative));

        double[] calibration = Arrays.copyOf(score, g.probationCells());
        for (int days : POT_DAYS) {
            double p = g.stepSeconds() / (days * 86_400.0);
            double threshold = Math.max(s.threshold(),
                    TailThreshold.exceededWithProbability(calibration, p));
            boolean[] above = new boolean[n];
            for (int t = 0; t < n; t++) {
                above[t] = flags[t] && score[t] >= threshold;
            }
            writeFile(g, onsets(above), score,
                    out.resolve(method + "-pot" + days + "d").resolve(relative));
        }
    }

    /** The first step of each run of flagged steps. */
    static boolean[] onsets(boolean[] flags) {
        boolean[] first = new boolean[flags.length];
        for (int t = 0; t < flags.length; t++) {
            first[t] = flags[t] && (t == 0 || !flags[t - 1]);
        }
        return first;
    }

    /** One row per data row; a grid cell's alert goes to the first row on that cell only. */
    private static void writeFile(Gridded g, boolean[] alert, double[] score, Path target)
            throws IOException {
        Files.createDirectories(target.getParent());
        boolean[] used = new boolean[alert.length];
        try (BufferedWriter w = Files.newBufferedWriter(target)) {
            w.write("timestamp,is_anomaly,score\n");
            for (int i = 0; i < g.stamps().size(); i++) {
                int t = g.cell()[i];
                boolean on = alert[t] && !used[t];
                used[t] = true;
                w.write(g.stamps().get(i) + "," + (on ? 1 : 0) + ","
                        + (Double.isNaN(score[t]) ? "0"
                        : String.format(Locale.ROOT, "%.4f", score[t])) + "\n");
            }
        }
    }

    private static Gridded grid(Path file, String group) throws IOException {
        List<String> stamps = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("timestamp")) {
                continue;
            }
            String[] cells = line.split(",");
            stamps.add(cells[0]);
            times.add(LocalDateTime.parse(cells[0].trim(), STAMP));
            values.add(Double.parseDouble(cells[1]));
        }

        // The grid: the most common step, from the earliest time.
        Map<Long, Integer> diffs = new HashMap<>();
        LocalDateTime first = times.get(0);
        LocalDateTime last = times.get(0);
        for (int i = 1; i < times.size(); i++) {
            long d = Duration.between(times.get(i - 1), times.get(i)).getSeconds();
            if (d > 0) {
                diffs.merge(d, 1, Integer::sum);
            }
            first = times.get(i).isBefore(first) ? times.get(i) : first;
            last = times.get(i).isAfter(last) ? times.get(i) : last;
        }
        long step = diffs.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow()
                .getKey();
        int n = (int) (Duration.between(first, last).getSeconds() / step) + 1;
        double[] sum = new double[n];
        int[] count = new int[n];
        int[] cell = new int[times.size()];
        for (int i = 0; i < times.size(); i++) {
            double offset = Duration.between(first, times.get(i)).getSeconds() / (double) step;
            int t = (int) Math.min(n - 1, Math.round(offset));
            cell[i] = t;
            sum[t] += values.get(i);
            count[t]++;
        }
        double[] grid = new double[n];
        for (int t = 0; t < n; t++) {
            grid[t] = count[t] == 0 ? Double.NaN : sum[t] / count[t];
        }

        // Probation in grid cells: every cell a probation row falls on, as the scorer counts rows.
        int probationRows = (int) Math.min(PROBATION_MAX,
                Math.floor(PROBATION_SHARE * times.size()));
        int probationCells = 0;
        for (int i = 0; i < probationRows; i++) {
            probationCells = Math.max(probationCells, cell[i] + 1);
        }

        TimeStep timeStep = new TimeStep(Duration.ofSeconds(step));
        Dataset data = new Dataset(file.getFileName().toString(),
                List.of(new Kpi("value", group.equals("realTweets") ? KpiRole.COUNT
                        : KpiRole.VALUE)), timeStep,
                List.of(new SiteSeries("series", first, timeStep, new double[][] {grid})));
        return new Gridded(stamps, cell, data, probationCells, step);
    }
}
