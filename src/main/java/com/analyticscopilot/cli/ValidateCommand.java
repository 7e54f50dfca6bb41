package com.analyticscopilot.cli;

import com.analyticscopilot.data.CsvDatasetReader;
import com.analyticscopilot.data.Dataset;
import com.analyticscopilot.data.ImportOptions;
import com.analyticscopilot.data.Kpi;
import com.analyticscopilot.data.LoadResult;
import com.analyticscopilot.data.SiteSeries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code copilot validate}: reads a KPI file and prints what was loaded, or every problem in it
 * (exit code 2).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Reads a KPI CSV file (date,site,<kpi>...) and prints its sites, KPIs"
                + " with roles, date range, time step, gaps and missing cells, or the errors"
                + " with file, line and column (exit code 2)."})
public final class ValidateCommand implements Callable<Integer> {

    /** Site names listed before the rest are only counted. */
    private static final int SITES_SHOWN = 5;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "the KPI CSV file")
    private Path input;

    @Option(names = "--snap-to-grid",
            description = "move times off the inferred step to the nearest step and average"
                    + " rows sharing one, instead of refusing them (for jittery sensor clocks)")
    private boolean snapToGrid;

    @Override
    public Integer call() {
        LoadResult result = CsvDatasetReader.load(input,
                snapToGrid ? ImportOptions.snappedToGrid() : ImportOptions.strict());
        Dataset data = result.dataset();
        PrintWriter out = spec.commandLine().getOut();

        List<String> ids = data.siteIds();
        out.printf("file:    %s%n", input);
        out.printf("sites:   %d (%s%s)%n", ids.size(),
                String.join(", ", ids.subList(0, Math.min(SITES_SHOWN, ids.size()))),
                ids.size() > SITES_SHOWN ? ", ..." : "");
        StringBuilder kpis = new StringBuilder();
        for (Kpi kpi : data.kpis()) {
            kpis.append(kpis.length() == 0 ? "" : ", ").append(kpi.name()).append(" (")
                    .append(kpi.role().label())
                    .append(kpi.volumeKpi() == null ? "" : " of " + kpi.volumeKpi()).append(')');
        }
        out.printf("KPIs:    %s%n", kpis);

        LocalDateTime first = null;
        LocalDateTime last = null;
        long steps = 0;
        long missingCells = 0;
        for (SiteSeries site : data.sites()) {
            first = first == null || site.start().isBefore(first) ? site.start() : first;
            last = last == null || site.end().isAfter(last) ? site.end() : last;
            steps += site.length();
            for (int k = 0; k < site.kpiCount(); k++) {
                missingCells += site.missingCount(k);
            }
        }
        out.printf("range:   %s to %s%n", show(first), show(last));
        out.printf("step:    %s (seasonal period %d steps)%n", data.step(),
                data.step().defaultPeriod());
        out.printf("rows:    %d site-steps, %d missing values (gaps and empty cells)%n", steps,
                missingCells);
        if (result.warnings().isEmpty()) {
            out.println("no warnings");
        } else {
            out.printf("warnings: %d%n", result.warnings().size());
            for (String warning : result.warnings()) {
                out.println("  warning: " + warning);
            }
        }
        out.println("ok");
        out.flush();
        return CopilotCommand.OK;
    }

    private static String show(LocalDateTime time) {
        return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString()
                : time.toString().replace('T', ' ');
    }
}
