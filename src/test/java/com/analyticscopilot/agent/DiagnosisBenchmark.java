package com.analyticscopilot.agent;

import com.analyticscopilot.agent.playbook.Playbook;
import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.LabelsCsv;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.DetectionSettings;
import com.analyticscopilot.detect.Detector;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often the shipped playbook's top diagnosis names the injected incident type, on a
 * generated data set with labels. Not a test (it needs the sample data and takes seconds): run
 * it by hand with the data folder as argument (default sample-data). An event counts for the
 * label it overlaps (same site, or a shared event with a point on the site). Figures and the
 * command are in README.md; {@code -Dverbose=1} prints every miss with its
 * signature.
 */
public final class DiagnosisBenchmark {

    /** The rule the playbook should pick for each generator incident type. */
    static final Map<String, String> EXPECTED = Map.of(
            "spike", "traffic-surge",
            "dip", "traffic-loss",
            "tracking_outage", "traffic-loss",
            "bot_traffic", "bot-traffic",
            "checkout_failure", "checkout-failure",
            "order_value_outlier", "order-value-outlier",
            "level_shift", "level-shift",
            "market_event", "market-wide");

    private DiagnosisBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-data");
        Dataset data = CsvDatasetReader.read(folder.resolve("kpis.csv"));
        List<Incident> labels = LabelsCsv.read(folder.resolve("labels.csv"));
        List<AnomalyEvent> events = new Detector(DetectionSettings.defaults(), null, null)
                .detect(data).events();
        Agent agent = new Agent(Playbook.shipped(), null, data.step());
        PrintStream out = System.out;

        Map<String, int[]> byType = new TreeMap<>();
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        int unmatched = 0;
        for (AnomalyEvent event : events) {
            Incident label = labelOf(event, labels);
            List<Recommendation> recs = agent.recommend(event, events);
            String top = recs.get(0).ruleId();
            if (label == null) {
                unmatched++;
                confusion.computeIfAbsent("(no label)", k -> new TreeMap<>())
                        .merge(top, 1, Integer::sum);
                continue;
            }
            String want = EXPECTED.get(label.type());
            if (!top.equals(want) && System.getProperty("verbose") != null) {
                out.println(label.type() + " -> " + top + ": " + event.id() + " steps "
                        + event.steps() + " shared " + event.shared() + " " + event.moves());
            }
            int[] counts = byType.computeIfAbsent(label.type(), k -> new int[3]);
            counts[0]++;
            if (top.equals(want)) {
                counts[1]++;
            }
            if (recs.stream().anyMatch(r -> r.ruleId().equals(want))) {
                counts[2]++;
            }
            confusion.computeIfAbsent(label.type(), k -> new TreeMap<>())
                    .merge(top, 1, Integer::sum);
        }

        out.printf("%d events, %d labels, %d events on no label%n", events.size(), labels.size(),
                unmatched);
        out.printf("%-20s %6s %6s %6s%n", "label type", "events", "top-1", "any");
        int n = 0;
        int top1 = 0;
        int any = 0;
        for (var e : byType.entrySet()) {
            int[] c = e.getValue();
            out.printf("%-20s %6d %6d %6d%n", e.getKey(), c[0], c[1], c[2]);
            n += c[0];
            top1 += c[1];
            any += c[2];
        }
        out.printf("%-20s %6d %6d %6d  (top-1 %.0f %%, any %.0f %%)%n", "all", n, top1, any,
                100.0 * top1 / n, 100.0 * any / n);
        out.println("top diagnosis per label type: " + confusion);
    }

    private static Incident labelOf(AnomalyEvent event, List<Incident> labels) {
        for (Incident label : labels) {
            boolean site = label.site().equals(event.site())
                    || event.points().stream().map(AnomalyPoint::site)
                            .anyMatch(label.site()::equals);
            boolean overlaps = !event.start().toLocalDate().isAfter(label.end())
                    && !event.end().toLocalDate().isBefore(label.start());
            if (site && overlaps) {
                return label;
            }
        }
        return null;
    }
}
