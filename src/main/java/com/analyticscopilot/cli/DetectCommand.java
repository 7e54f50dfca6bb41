package com.analyticscopilot.cli;

import com.analyticscopilot.agent.Agent;
import com.analyticscopilot.agent.FeedbackStore;
import com.analyticscopilot.agent.playbook.Playbook;
import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.LoadResult;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.DetectionMethod;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import com.analyticscopilot.detect.KpiMove;
import com.analyticscopilot.detect.Severity;
import com.analyticscopilot.detect.ThresholdAdjustments;
import com.analyticscopilot.forecast.ResidualScorer;
import com.analyticscopilot.report.AnomalyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code copilot detect}: flags anomalies and writes the anomaly report. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Finds anomalies in a KPI CSV file and writes the anomaly report"
                + " (site,date,kpi,value,expected,stl_score,lstm_score,score,severity,diagnosis,"
                + "action,event_id,impact), most severe first. Without --model the statistical"
                + " view (STL) runs alone; with one, both views are fused (hybrid). Diagnosis and"
                + " action come from the agent's playbook, ranked by past feedback, which also"
                + " shifts thresholds per site and KPI."})
public final class DetectCommand implements Callable<Integer> {

    /** Events listed on the terminal; the report has them all. */
    private static final int EVENTS_SHOWN = 10;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "the KPI CSV file")
    private Path input;

    @Option(names = "--output", paramLabel = "REPORT.csv", required = true,
            description = "where to write the report")
    private Path output;

    @Mixin
    private DetectionOptions options;

    @Mixin
    private FeedbackCommand.DbOption store;

    @Option(names = "--playbook", paramLabel = "FILE",
            description = "playbook for the diagnosis and action columns (default: playbook.txt"
                    + " in the data folder when it exists, otherwise the shipped one)")
    private Path playbookFile;

    @Option(names = "--no-advice",
            description = "leave diagnosis and action empty and ignore learned thresholds")
    private boolean noAdvice;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        DetectionSettings settings = options.settings(cli);
        LoadResult loaded = CsvDatasetReader.load(input);
        Dataset data = loaded.dataset();
        for (String warning : loaded.warnings()) {
            out.println("warning: " + warning);
        }

        ResidualScorer scorer = options.scorer();
        if (scorer == null && settings.method() != null
                && settings.method() != DetectionMethod.STL) {
            out.println("note: --method " + settings.method().label() + " needs --model;"
                    + " falling back to STL only");
        }
        DetectionResult result;
        AnomalyReport report;
        if (noAdvice) {
            result = new Detector(settings, scorer, ThresholdAdjustments.NONE).detect(data);
            report = AnomalyReport.of(result, null);
        } else {
            // The agent fills diagnosis and action, and its feedback shifts thresholds locally.
            Playbook.Loaded playbook = playbookFile != null ? Playbook.load(playbookFile)
                    : Playbook.load();
            playbook.warnings().forEach(w -> out.println("warning: " + w));
            try (FeedbackStore feedback = store.open()) {
                Agent agent = new Agent(playbook.playbook(), feedback, data.step());
                result = new Detector(settings, scorer, agent).detect(data);
                report = AnomalyReport.of(result, agent);
            }
        }
        try {
            report.write(output);
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(output.toString(),
                    "cannot write the report: " + e.getMessage()), e);
        }

        out.printf("method:  %s%n", result.method().label());
        for (String note : result.notes()) {
            out.println("note:    " + note);
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (AnomalyEvent e : result.events()) {
            bySeverity.merge(e.severity(), 1, Integer::sum);
        }
        out.printf("events:  %d (critical %d, high %d, medium %d, low %d), %d flagged points%n",
                result.events().size(), bySeverity.getOrDefault(Severity.CRITICAL, 0),
                bySeverity.getOrDefault(Severity.HIGH, 0),
                bySeverity.getOrDefault(Severity.MEDIUM, 0),
                bySeverity.getOrDefault(Severity.LOW, 0), report.rows().size());
        for (AnomalyEvent e : result.events().subList(0,
                Math.min(EVENTS_SHOWN, result.events().size()))) {
            out.printf("  %-8s %s%s %s%n", e.severity().label(), e.id(),
                    e.shared() ? " (shared by " + e.sitesAffected() + " sites)" : "", moves(e));
        }
        out.printf("report:  %s%n", output);
        out.flush();
        return CopilotCommand.OK;
    }

    private static String moves(AnomalyEvent e) {
        StringBuilder s = new StringBuilder();
        for (KpiMove m : e.moves()) {
            if (!m.flagged()) {
                continue;
            }
            s.append(s.length() == 0 ? "" : ", ").append(m.kpi())
                    .append(String.format(java.util.Locale.ROOT, " %+.0f%%",
                            100 * m.relativeChange()));
        }
        return s.toString();
    }
}
