package com.analyticscopilot.bench;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.LabelsCsv;
import com.analyticscopilot.data.generate.GeneratedData;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.DetectionMethod;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.Evaluation;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.forecast.ResidualScorer;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Prints the event metric on the sample data and on fresh generator seeds, for the table in
 * README.md. Not a test: run it by hand.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     com.analyticscopilot.bench.EvaluationRunner [--verbose] [--naive] [seed...]
 * </pre>
 * {@code --naive} adds the test code's seasonal-naive scorer as a stand-in second view (the
 * LSTM is not part of this runner).
 */
public final class EvaluationRunner {

    private EvaluationRunner() {
    }

    public static void main(String[] args) throws Exception {
        boolean verbose = false;
        boolean naive = false;
        double threshold = DetectionSettings.DEFAULT_THRESHOLD;
        List<Long> seeds = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--verbose" -> verbose = true;
                case "--naive" -> naive = true;
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                default -> seeds.add(Long.parseLong(args[i]));
            }
        }
        ResidualScorer scorer = naive ? NaiveScorers.seasonalNaive() : null;
        System.out.println("| data | method | events | false alarms | found | precision | recall"
                + " | F1 |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        Dataset sample = CsvDatasetReader.read(Path.of("sample-data/kpis.csv"));
        List<Incident> sampleLabels = LabelsCsv.read(Path.of("sample-data/labels.csv"));
        run("sample-data (seed 42)", sample, sampleLabels, threshold, scorer, verbose);
        for (long seed : seeds) {
            GeneratedData g = SyntheticKpis.generate(GeneratorSettings.defaults().withSeed(seed));
            run("seed " + seed, g.dataset(), g.incidents(), threshold, scorer, verbose);
        }
    }

    private static void run(String name, Dataset data, List<Incident> labels, double threshold,
                            ResidualScorer scorer, boolean verbose) {
        List<DetectionMethod> methods = scorer == null ? List.of(DetectionMethod.STL)
                : List.of(DetectionMethod.STL, DetectionMethod.LSTM, DetectionMethod.HYBRID);
        for (DetectionMethod m : methods) {
            DetectionSettings settings = DetectionSettings.defaults().withThreshold(threshold)
                    .withMethod(m);
            DetectionResult result = new Detector(settings, scorer, ThresholdAdjustments.NONE)
                    .detect(data);
            Evaluation.Result r = Evaluation.evaluate(result, labels);
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %d/%d | %.3f | %.3f | %.3f |%n",
                    name, m.label(), r.detected(), r.falseAlarms(), r.found(), r.incidents(),
                    r.precision(), r.recall(), r.f1());
            if (verbose) {
                StringBuilder types = new StringBuilder();
                r.byType().forEach(t -> types.append(t.type()).append(' ').append(t.found())
                        .append('/').append(t.incidents()).append("; "));
                System.out.println("    " + types);
                falseAlarms(result, labels);
            }
        }
    }

    private static void falseAlarms(DetectionResult result, List<Incident> labels) {
        for (AnomalyPoint p : result.points()) {
            LocalDateTime t = p.time();
            boolean near = labels.stream().anyMatch(i -> i.site().equals(p.site())
                    && !t.toLocalDate().isBefore(i.start().minusDays(1))
                    && !t.toLocalDate().isAfter(i.end().plusDays(2)));
            if (!near) {
                int n = result.dataset().site(p.site()).orElseThrow().length();
                System.out.printf(Locale.ROOT, "    FA %s %s %s t=%d/%d value=%.4g exp=%.4g"
                        + " stl=%.2f lstm=%.2f score=%.2f%n", p.site(), p.time().toLocalDate(),
                        p.kpi(), p.index(), n, p.value(), p.expected(), p.stlScore(),
                        p.lstmScore(), p.score());
            }
        }
    }
}
