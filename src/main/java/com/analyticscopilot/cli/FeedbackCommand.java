package com.analyticscopilot.cli;

import com.analyticscopilot.agent.Click;
import com.analyticscopilot.agent.FeedbackCsv;
import com.analyticscopilot.agent.FeedbackEntry;
import com.analyticscopilot.agent.FeedbackStore;
import com.analyticscopilot.agent.StoredRecommendation;
import com.analyticscopilot.agent.ThresholdChange;
import com.analyticscopilot.agent.ThresholdKey;
import com.analyticscopilot.agent.ThresholdPolicy;
import com.analyticscopilot.agent.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code copilot feedback}: the analyst's accept/reject clicks and the threshold log, from the
 * command line. Recommendation ids come from {@code copilot recommend}.
 */
@Command(name = "feedback", mixinStandardHelpOptions = true,
        description = "Accept or reject recommendations, list and export feedback, review and"
                + " undo threshold changes.",
        subcommands = {
            FeedbackCommand.ListFeedback.class,
            FeedbackCommand.Accept.class,
            FeedbackCommand.Reject.class,
            FeedbackCommand.NotAnomaly.class,
            FeedbackCommand.Export.class,
            FeedbackCommand.Thresholds.class,
            FeedbackCommand.Undo.class,
        })
public final class FeedbackCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: list, accept, reject, not-anomaly, export, thresholds"
                        + " or undo");
    }

    /** The {@code --db} option every command on the store shares. */
    static final class DbOption {

        @Option(names = "--db", paramLabel = "PATH",
                description = "Feedback database (default: feedback.db in the data folder).")
        Path db;

        FeedbackStore open() {
            return FeedbackStore.open(db != null ? db : FeedbackStore.defaultFile());
        }
    }

    /** {@code feedback list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the stored clicks, oldest first.")
    static final class ListFeedback implements Callable<Integer> {

        @Mixin
        DbOption store;

        @Option(names = "--site", paramLabel = "ID", description = "Only this site.")
        String site;

        @Option(names = "--pending", description = "List recommendations nobody has clicked yet"
                + " instead.")
        boolean pending;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (FeedbackStore feedback = store.open()) {
                if (pending) {
                    listPending(feedback, out);
                    return CopilotCommand.OK;
                }
                List<FeedbackEntry> entries = feedback.feedback().stream()
                        .filter(e -> site == null || e.site().equals(site)).toList();
                if (entries.isEmpty()) {
                    out.println("No feedback yet in " + feedback.file() + ".");
                    return CopilotCommand.OK;
                }
                out.printf(Locale.ROOT, "%-5s %-20s %-11s %-5s %-28s %s%n", "id", "time",
                        "verdict", "rec", "event", "rule / action  (note)");
                for (FeedbackEntry e : entries) {
                    out.printf(Locale.ROOT, "%-5d %-20s %-11s %-5s %-28s %s / %s%s%n", e.id(),
                            e.createdAt().toString().substring(0, 19).replace('T', ' '),
                            e.verdict().label(),
                            e.recommendationId() == 0 ? "-" : Long.toString(e.recommendationId()),
                            e.eventId(), e.ruleId(), e.actionId(),
                            e.note() == null ? "" : "  (" + e.note() + ")");
                }
            }
            return CopilotCommand.OK;
        }

        private void listPending(FeedbackStore feedback, PrintWriter out) {
            Set<Long> clicked = new HashSet<>();
            feedback.feedback().forEach(e -> clicked.add(e.recommendationId()));
            List<StoredRecommendation> open = feedback.recommendations(site).stream()
                    .filter(r -> !clicked.contains(r.id())).toList();
            if (open.isEmpty()) {
                out.println("No recommendation waits for feedback.");
                return;
            }
            for (StoredRecommendation r : open) {
                out.printf(Locale.ROOT, "[%d] %s  %s: %s%n", r.id(), r.eventId(), r.diagnosis(),
                        r.actionText());
            }
        }
    }

    /** What accept, reject and not-anomaly share. */
    abstract static class ClickCommand implements Callable<Integer> {

        @Mixin
        DbOption store;

        @Parameters(index = "0", paramLabel = "ID", description = "The recommendation's id, as"
                + " printed by 'copilot recommend'.")
        long id;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why, in a few words.")
        String note;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract Verdict verdict();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (FeedbackStore feedback = store.open()) {
                Click click = feedback.addFeedback(id, verdict(), note, ThresholdPolicy.DEFAULT);
                FeedbackEntry e = click.entry();
                out.printf(Locale.ROOT,
                        "Stored feedback %d: %s recommendation %d (%s / %s on %s).%n", e.id(),
                        describe(e.verdict()), id, e.ruleId(), e.actionId(), e.eventId());
                for (ThresholdChange c : click.changes()) {
                    out.printf(Locale.ROOT, "Threshold of %s on %s raised by %.2f, now +%.2f"
                            + " (undo: copilot feedback undo %d).%n", c.kpi(), c.site(),
                            c.delta(), c.offset(), c.id());
                }
                click.notes().forEach(out::println);
            }
            return CopilotCommand.OK;
        }

        private static String describe(Verdict verdict) {
            return switch (verdict) {
                case ACCEPT -> "accepted";
                case REJECT -> "rejected";
                case NOT_ANOMALY -> "not an anomaly:";
            };
        }
    }

    /** {@code feedback accept ID}. */
    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "The recommended action was right for this anomaly.")
    static final class Accept extends ClickCommand {

        @Override
        Verdict verdict() {
            return Verdict.ACCEPT;
        }
    }

    /** {@code feedback reject ID [--not-anomaly]}. */
    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "The recommended action was wrong for this anomaly.")
    static final class Reject extends ClickCommand {

        @Option(names = "--not-anomaly", description = "The event was no anomaly at all: make"
                + " its site and KPIs less sensitive (same as 'feedback not-anomaly').")
        boolean notAnomaly;

        @Override
        Verdict verdict() {
            return notAnomaly ? Verdict.NOT_ANOMALY : Verdict.REJECT;
        }
    }

    /** {@code feedback not-anomaly ID}. */
    @Command(name = "not-anomaly", mixinStandardHelpOptions = true,
            description = "The event was no anomaly: raise the threshold of its site and flagged"
                    + " KPIs one bounded step (logged; see 'feedback thresholds').")
    static final class NotAnomaly extends ClickCommand {

        @Override
        Verdict verdict() {
            return Verdict.NOT_ANOMALY;
        }
    }

    /** {@code feedback export FILE}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every click to a CSV file.")
    static final class Export implements Callable<Integer> {

        @Mixin
        DbOption store;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file to write.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (FeedbackStore feedback = store.open()) {
                List<FeedbackEntry> entries = feedback.feedback();
                FeedbackCsv.write(entries, file);
                spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %d clicks to %s.%n",
                        entries.size(), file);
            }
            return CopilotCommand.OK;
        }
    }

    /** {@code feedback thresholds}. */
    @Command(name = "thresholds", mixinStandardHelpOptions = true,
            description = "Show the threshold log: every change 'not an anomaly' made.")
    static final class Thresholds implements Callable<Integer> {

        @Mixin
        DbOption store;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (FeedbackStore feedback = store.open()) {
                List<ThresholdChange> log = feedback.thresholdLog();
                if (log.isEmpty()) {
                    out.println("No threshold changes: every site uses the global thresholds.");
                    return CopilotCommand.OK;
                }
                out.printf(Locale.ROOT, "%-5s %-20s %-12s %-18s %6s %7s  %s%n", "id", "time",
                        "site", "kpi", "delta", "total", "status / reason");
                for (ThresholdChange c : log) {
                    out.printf(Locale.ROOT, "%-5d %-20s %-12s %-18s %+6.2f %+7.2f  %s / %s%n",
                            c.id(), c.createdAt().toString().substring(0, 19).replace('T', ' '),
                            c.site(), c.kpi(), c.delta(), c.offset(),
                            c.active() ? "active" : "undone " + c.undoneAt(), c.reason());
                }
                out.println("Offsets in force:");
                feedback.thresholdOffsets().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(Comparator.comparing(ThresholdKey::site)
                                .thenComparing(ThresholdKey::kpi)))
                        .forEach(e -> out.printf(Locale.ROOT, "  %s %s %+.2f%n", e.getKey().site(),
                                e.getKey().kpi(), e.getValue()));
            }
            return CopilotCommand.OK;
        }
    }

    /** {@code feedback undo ID}. */
    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = "Undo one threshold change (it stays in the log, marked undone).")
    static final class Undo implements Callable<Integer> {

        @Mixin
        DbOption store;

        @Parameters(index = "0", paramLabel = "ID", description = "The change's id, as listed by"
                + " 'feedback thresholds'.")
        long id;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (FeedbackStore feedback = store.open()) {
                ThresholdChange c = feedback.undoThreshold(id);
                spec.commandLine().getOut().printf(Locale.ROOT,
                        "Undid threshold change %d: %s on %s %+.2f no longer applies.%n",
                        c.id(), c.kpi(), c.site(), c.delta());
            }
            return CopilotCommand.OK;
        }
    }
}
