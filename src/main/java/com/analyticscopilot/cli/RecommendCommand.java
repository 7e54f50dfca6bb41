package com.analyticscopilot.cli;

import com.analyticscopilot.agent.Agent;
import com.analyticscopilot.agent.FeedbackStore;
import com.analyticscopilot.agent.RankedAction;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.agent.playbook.Playbook;
import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.LoadResult;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code copilot recommend --input FILE --site ID}: detects the site's anomalies, diagnoses each
 * with the playbook, ranks the actions by past feedback and stores the recommendations, so their
 * ids can be accepted or rejected with {@code copilot feedback}. Detection takes the same options
 * as {@code copilot detect} (method, threshold, sensitivity, period, model) and the thresholds
 * that "not an anomaly" feedback raised.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Diagnose one site's anomalies and rank what to do, learning from feedback.")
public final class RecommendCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "KPI export (CSV; roles from FILE's .roles.csv sidecar or the names).")
    Path input;

    @Option(names = "--site", required = true, paramLabel = "ID", description = "The site.")
    String site;

    @Mixin
    FeedbackCommand.DbOption store;

    @Mixin
    DetectionOptions options;

    @Option(names = "--playbook", paramLabel = "FILE",
            description = "Playbook to use (default: playbook.txt in the data folder when it"
                    + " exists, otherwise the shipped one).")
    Path playbookFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Playbook.Loaded loaded = playbookFile != null
                ? Playbook.load(playbookFile) : Playbook.load();
        loaded.warnings().forEach(w -> err.println("warning: " + w));

        DetectionSettings settings = options.settings(spec.commandLine());
        LoadResult load = CsvDatasetReader.load(input);
        load.warnings().forEach(w -> err.println("warning: " + w));
        Dataset dataset = load.dataset();
        if (dataset.site(site).isEmpty()) {
            List<String> sites = dataset.siteIds();
            throw new InvalidInputException(InputProblem.of(input.toString(), "no site '" + site
                    + "' in the data; it has " + sites.size() + " sites: "
                    + String.join(", ", sites.subList(0, Math.min(10, sites.size())))
                    + (sites.size() > 10 ? ", ..." : "")));
        }

        try (FeedbackStore feedback = store.open()) {
            // The agent is also the detector's threshold adjustments: the thresholds that
            // "not an anomaly" raised apply to this run.
            Agent agent = new Agent(loaded.playbook(), feedback, dataset.step());
            DetectionResult result = new Detector(settings, options.scorer(), agent)
                    .detect(dataset);
            result.notes().forEach(n -> err.println("note: " + n));
            print(agent, result.events(), site, spec.commandLine().getOut());
        }
        return CopilotCommand.OK;
    }

    /** Whether the event is the site's own, or a market-wide one the site took part in. */
    static boolean concerns(AnomalyEvent event, String site) {
        return event.site().equals(site)
                || event.shared() && event.points().stream().anyMatch(p -> p.site().equals(site));
    }

    /** A step's time as a person writes it: the date alone for whole days. */
    private static String when(LocalDateTime time) {
        return time.toLocalTime().equals(LocalTime.MIDNIGHT)
                ? time.toLocalDate().toString()
                : time.toString().replace('T', ' ');
    }

    /**
     * Prints the site's events with their diagnoses and ranked actions, and stores the
     * recommendations so their ids can be clicked.
     *
     * @param events the events of every site (the portfolio); only {@code site}'s own and the
     *               market-wide ones it took part in are printed
     */
    static void print(Agent agent, List<AnomalyEvent> events, String site, PrintWriter out) {
        List<AnomalyEvent> mine = events.stream().filter(e -> concerns(e, site)).toList();
        if (mine.isEmpty()) {
            out.println("No anomalies on " + site + ".");
            return;
        }
        out.printf(Locale.ROOT, "%d %s on %s.%n", mine.size(),
                mine.size() == 1 ? "anomaly" : "anomalies", site);
        for (AnomalyEvent event : mine) {
            List<Recommendation> recs = agent.recommend(event, events);
            List<Long> ids = agent.record(event, recs);
            out.println();
            out.printf(Locale.ROOT, "%s  %s to %s, %d %s, severity %s%n", event.id(),
                    when(event.start()), when(event.end()), event.steps(),
                    event.steps() == 1 ? "step" : "steps",
                    event.severity().label());
            int next = 0;
            for (int r = 0; r < recs.size(); r++) {
                Recommendation rec = recs.get(r);
                out.printf(Locale.ROOT, "  %s%s [%s]%n", r == 0 ? "" : "also possible: ",
                        rec.diagnosis(), rec.ruleId());
                out.println("    " + rec.rationale());
                for (RankedAction action : rec.actions()) {
                    String why = action.reason().isEmpty() ? "" : "  <- " + action.reason();
                    out.printf(Locale.ROOT, "    [%d] %s%s%n", ids.get(next++), action.action(),
                            why);
                }
            }
        }
        out.println();
        out.println("Answer with: copilot feedback accept ID | reject ID | not-anomaly ID"
                + " [--note TEXT]");
    }
}
