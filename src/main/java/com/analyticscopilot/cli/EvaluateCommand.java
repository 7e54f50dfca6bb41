package com.analyticscopilot.cli;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.LabelsCsv;
import com.analyticscopilot.detect.DetectionMethod;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.Evaluation;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.forecast.ResidualScorer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code copilot evaluate}: event precision, recall and F1 against labelled incidents. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Runs detection on a KPI CSV file and scores it against labelled"
                + " incidents (site,start,end,kpis,type): flagged dates of a site at most one"
                + " day apart are one detected event; an incident is found when a detected"
                + " event overlaps [start - 1 day, end + 2 days]; a detected event overlapping"
                + " no such window is a false alarm. With --model and no --method, STL-only,"
                + " LSTM-only and hybrid are shown side by side."})
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "the KPI CSV file")
    private Path input;

    @Option(names = "--labels", paramLabel = "LABELS.csv", required = true,
            description = "the labelled incidents")
    private Path labels;

    @Mixin
    private DetectionOptions options;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        DetectionSettings settings = options.settings(cli);
        Dataset data = CsvDatasetReader.read(input);
        List<Incident> incidents = LabelsCsv.read(labels);
        ResidualScorer scorer = options.scorer();

        List<DetectionMethod> methods = new ArrayList<>();
        if (settings.method() != null) {
            methods.add(settings.method());
        } else if (scorer != null) {
            methods.addAll(List.of(DetectionMethod.STL, DetectionMethod.LSTM,
                    DetectionMethod.HYBRID));
        } else {
            methods.add(DetectionMethod.STL);
        }

        List<String> names = new ArrayList<>();
        List<Evaluation.Result> results = new ArrayList<>();
        for (DetectionMethod method : methods) {
            DetectionResult result = new Detector(settings.withMethod(method), scorer,
                    ThresholdAdjustments.NONE).detect(data);
            for (String note : result.notes()) {
                out.println("note: " + note);
            }
            names.add(result.method().label());
            results.add(Evaluation.evaluate(result, incidents));
        }

        out.printf(Locale.ROOT, "%d sites, %d labelled incidents, threshold %.2f%n",
                data.siteCount(), incidents.size(), settings.effectiveThreshold());
        out.printf(Locale.ROOT, "%-20s", "method");
        names.forEach(n -> out.printf(Locale.ROOT, "%10s", n));
        out.println();
        row(out, "detected events", results, r -> String.valueOf(r.detected()));
        row(out, "false alarms", results, r -> String.valueOf(r.falseAlarms()));
        row(out, "incidents found", results, r -> r.found() + "/" + r.incidents());
        row(out, "precision", results, r -> fmt(r.precision()));
        row(out, "recall", results, r -> fmt(r.recall()));
        row(out, "F1", results, r -> fmt(r.f1()));
        out.println("recall by type:");
        TreeSet<String> types = new TreeSet<>();
        results.forEach(r -> r.byType().forEach(t -> types.add(t.type())));
        for (String type : types) {
            row(out, "  " + type, results, r -> r.byType().stream()
                    .filter(t -> t.type().equals(type)).findFirst()
                    .map(t -> t.found() + "/" + t.incidents()).orElse("-"));
        }
        out.flush();
        return CopilotCommand.OK;
    }

    private static void row(PrintWriter out, String label, List<Evaluation.Result> results,
                            java.util.function.Function<Evaluation.Result, String> cell) {
        out.printf(Locale.ROOT, "%-20s", label);
        for (Evaluation.Result r : results) {
            out.printf(Locale.ROOT, "%10s", cell.apply(r));
        }
        out.println();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
