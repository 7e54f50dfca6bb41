package com.analyticscopilot.bench;

import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.KpiRole;
import com.analyticscopilot.data.SiteSeries;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.SeriesScores;
import com.analyticscopilot.detect.ThresholdAdjustments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the STL detector over the NAB subset at native granularity and writes one
 * {@code OUT/<group>/<file>.csv} ({@code timestamp,is_anomaly,score}) per data file, for
 * {@code score_windows.py}. Not a test: run by hand (docs/readme-parts/detect.md).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     com.analyticscopilot.bench.NabBenchmark /work/shared/benchmarks/nab OUT [threshold]
 * </pre>
 *
 * Each file is put on a regular grid: the step is the most common difference between
 * consecutive timestamps; each row goes to its nearest grid point; rows on the same point are
 * averaged; grid points without a row are missing. The period comes from the step
 * ({@link TimeStep#defaultPeriod()}). The role is {@code count} for realTweets (tweets per
 * 5 minutes are counts) and {@code value} (raw scale, no sampling-noise term) for the rest.
 */
public final class NabBenchmark {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private NabBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path nab = Path.of(args[0]);
        Path out = Path.of(args[1]);
        DetectionSettings settings = DetectionSettings.defaults();
        if (args.length > 2) {
            settings = settings.withThreshold(Double.parseDouble(args[2]));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(nab.resolve("data"))) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        long started = System.nanoTime();
        int alerts = 0;
        for (Path file : files) {
            String group = file.getParent().getFileName().toString();
            alerts += run(file, group,
                    out.resolve(group).resolve(file.getFileName().toString()), settings);
        }
        System.out.printf(Locale.ROOT, "%d files, %d alerted rows, %.1f s%n", files.size(), alerts,
                (System.nanoTime() - started) / 1e9);
    }

    private static int run(Path file, String group, Path target,
                           DetectionSettings settings) throws IOException {
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

        TimeStep timeStep = new TimeStep(Duration.ofSeconds(step));
        Dataset data = new Dataset(file.getFileName().toString(),
                List.of(new Kpi("value", group.equals("realTweets") ? KpiRole.COUNT
                        : KpiRole.VALUE)), timeStep,
                List.of(new SiteSeries("series", first, timeStep, new double[][] {grid})));
        DetectionResult result = new Detector(settings.withThreads(1), null,
                ThresholdAdjustments.NONE).detect(data);
        SeriesScores s = result.allSeries().get(0);

        Files.createDirectories(target.getParent());
        int alerts = 0;
        try (BufferedWriter w = Files.newBufferedWriter(target)) {
            w.write("timestamp,is_anomaly,score\n");
            for (int i = 0; i < stamps.size(); i++) {
                int t = cell[i];
                boolean flagged = s.flagged(t);
                double score = Math.abs(s.score(t));
                alerts += flagged ? 1 : 0;
                w.write(stamps.get(i) + "," + (flagged ? 1 : 0) + ","
                        + (Double.isNaN(score) ? "0" : String.format(Locale.ROOT, "%.4f", score))
                        + "\n");
            }
        }
        return alerts;
    }
}
