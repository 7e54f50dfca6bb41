package com.analyticscopilot.cli;

import com.analyticscopilot.data.Incident;
import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.generate.GeneratedData;
import com.analyticscopilot.data.generate.GeneratorSettings;
import com.analyticscopilot.data.generate.SyntheticKpis;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code copilot generate}: writes seeded synthetic KPIs with labelled incidents. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes synthetic daily KPIs (sessions, conversion_rate, revenue) of many"
                + " sites with injected, labelled anomalies: DIR/kpis.csv, DIR/kpis.roles.csv"
                + " and DIR/labels.csv. The same seed gives byte-identical files."})
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--sites", paramLabel = "N",
            description = "number of sites (default: ${DEFAULT-VALUE})")
    private int sites = GeneratorSettings.DEFAULT_SITES;

    @Option(names = "--days", paramLabel = "D",
            description = "days per site (default: ${DEFAULT-VALUE})")
    private int days = GeneratorSettings.DEFAULT_DAYS;

    @Option(names = "--seed", paramLabel = "S",
            description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed = GeneratorSettings.DEFAULT_SEED;

    @Option(names = "--start", paramLabel = "DATE",
            description = "first day, e.g. 2025-01-06 (default: ${DEFAULT-VALUE})")
    private LocalDate start = GeneratorSettings.DEFAULT_START;

    @Option(names = "--market-events", paramLabel = "N",
            description = "one-day dips shared by ~80 %% of sites, labelled market_event"
                    + " (default: ${DEFAULT-VALUE})")
    private int marketEvents = 0;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "folder to write into (created if missing)")
    private Path out;

    @Override
    public Integer call() {
        GeneratorSettings settings;
        try {
            settings = GeneratorSettings.defaults().withSites(sites).withDays(days).withSeed(seed)
                    .withStart(start).withMarketEvents(marketEvents);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException(InputProblem.of(out.toString(),
                    "is a file; --out needs a folder"));
        }
        GeneratedData data = SyntheticKpis.generate(settings);
        try {
            data.writeTo(out);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(InputProblem.of(out.toString(),
                    "cannot write there: " + e.getCause().getMessage()), e);
        }

        Map<String, Integer> byType = new TreeMap<>();
        for (Incident incident : data.incidents()) {
            byType.merge(incident.type(), 1, Integer::sum);
        }
        long quiet = data.dataset().siteIds().stream()
                .filter(s -> data.incidents().stream().noneMatch(i -> i.site().equals(s)))
                .count();
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s: %s x %s from %s, seed %d%n", out.resolve(GeneratedData.KPIS_FILE),
                count(sites, "site"), count(days, "day"), start, seed);
        o.printf("wrote %s%n", out.resolve(GeneratedData.ROLES_FILE));
        o.printf("wrote %s: %s on %s (%d without)%n", out.resolve(GeneratedData.LABELS_FILE),
                count(data.incidents().size(), "incident"), count(sites - quiet, "site"), quiet);
        byType.forEach((type, n) -> o.printf("  %-20s %d%n", type, n));
        o.flush();
        return CopilotCommand.OK;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
