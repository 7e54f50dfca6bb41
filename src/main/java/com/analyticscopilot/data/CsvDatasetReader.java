package com.analyticscopilot.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a KPI export in long format, one row per site per time step, through Tablesaw:
 * <pre>
 * date,site,sessions,conversion_rate,revenue
 * 2025-01-01,shop-a,1520,0.0213,2890.50
 * </pre>
 *
 * <ul>
 *   <li>The time column is named {@code date}, {@code timestamp} or {@code time} (any case). It
 *       holds ISO dates ({@code 2025-03-01}) or date-times ({@code 2025-03-01 13:00:00},
 *       {@code 2025-03-01T13:00:00}, optionally with fractional seconds or without seconds).
 *       Time-zone offsets are refused: export local times.</li>
 *   <li>{@code site} is optional; without it the file is one site named after the file
 *       ({@code shop.csv} is site {@code shop}).</li>
 *   <li>Every other column is a KPI. A column with no number in it at all (a text column such
 *       as {@code country}) is left out with a warning; a file left with no KPI is an
 *       error.</li>
 *   <li>Roles come from the sidecar {@code <basename>.roles.csv} or from the KPI names, see
 *       {@link KpiRoles}.</li>
 *   <li>Rows may come in any order. The time step is inferred as the most common difference
 *       between a site's consecutive times, and all sites must share it. A difference that is
 *       a multiple of the step is a gap: the missing steps are kept as NaN rows and reported.
 *       Any other difference is an irregular step and an error, unless the caller opts into
 *       {@link ImportOptions#snappedToGrid()}.</li>
 * </ul>
 *
 * <p><b>Errors</b> (thrown together, up to {@value ProblemList#LIMIT}, each naming file, line and
 * column): missing or empty file, no header, no time column, no numeric KPI column, unparsable
 * date, unparsable number, infinite number, duplicate (site, time), negative count or money, a
 * ratio outside [0, 1], sites with different steps, irregular steps, an empty site name.
 * <b>Warnings</b> (the import goes on): empty cells and cells reading {@code NaN}/{@code NA}/
 * {@code null} (kept as missing: exporters write these for "no data"), missing time steps,
 * ignored text columns, inferred roles.
 *
 * <p>Line numbers count the header as line 1 and assume no quoted cell spans several lines,
 * which KPI exports do not do.
 *
 * <p>Speed: KPI cells go through {@link StrictNumberType}, a Tablesaw column type that takes
 * plain numbers only; when some cell is anything else, the file is read again with every
 * column as text, so each such cell can be named. 5,000 sites x 365 days read in about 4 s
 * (docs/benchmarks.md).
 */
public final class CsvDatasetReader {

    private static final Logger LOG = LoggerFactory.getLogger(CsvDatasetReader.class);

    /** The names a time column may have, lower case. */
    private static final List<String> TIME_COLUMNS = List.of("date", "timestamp", "time");

    /** Cell texts that exporters write for "no value"; read as missing with a warning. */
    private static final Set<String> MISSING_WORDS = Set.of("nan", "na", "n/a", "null", "none");

    /** How many line numbers a warning lists before it just counts. */
    private static final int LINES_SHOWN = 5;

    /** How many per-site warnings are listed before the rest are summed up. */
    private static final int SITES_SHOWN = 20;

    /**
     * A gap longer than this many steps (and longer than the site's own data) is taken for a
     * typo in a date, not a real outage: 2205-01-01 in a 2025 file would otherwise make a grid
     * of 65,000 daily steps.
     */
    private static final long MAX_PLAUSIBLE_GAP = 1_000;

    private CsvDatasetReader() {
    }

    /** Reads a data file, dropping the warnings. */
    public static Dataset read(Path file) {
        return load(file).dataset();
    }

    /**
     * Reads a data file.
     *
     * @throws InvalidInputException listing every problem found (up to a limit)
     */
    public static LoadResult load(Path file) {
        return load(file, ImportOptions.strict());
    }

    /**
     * Reads a data file, with the given treatment of irregular times.
     *
     * @throws InvalidInputException listing every problem found (up to a limit)
     */
    public static LoadResult load(Path file, ImportOptions options) {
        long started = System.nanoTime();
        LoadResult result = new Import(file, options).run();
        LOG.info("read {}: {} sites, {} KPIs, {} step, {} warnings in {} ms", file,
                result.dataset().siteCount(), result.dataset().kpis().size(),
                result.dataset().step(), result.warnings().size(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /** One import: the state shared by its steps. */
    private static final class Import {

        private final Path file;
        private final ImportOptions options;
        private final String name;
        private final ProblemList problems;
        private final List<String> warnings = new ArrayList<>();
        private int[] rowLines;

        Import(Path file, ImportOptions options) {
            this.file = file;
            this.options = options;
            this.name = file.toString();
            this.problems = new ProblemList(name);
        }

        LoadResult run() {
            List<String> header = readHeader();
            int timeCol = findTimeColumn(header);
            int siteCol = indexIgnoringCase(header, "site");
            problems.throwIfAny();

            long started = System.nanoTime();
            StrictNumberType numbers = new StrictNumberType();
            Table table = readTable(header.size(), timeCol, siteCol, numbers);
            if (numbers.unusualCells() > 0) {
                // Some cell is not a plain number: read again as text, to name each one.
                LOG.debug("{}: {} cells are not plain numbers; reading again as text", name,
                        numbers.unusualCells());
                table = readTable(header.size(), timeCol, siteCol, null);
            }
            int rows = table.rowCount();
            long tableRead = System.nanoTime();
            if (rows == 0) {
                problems.add(1, null, "has a header but no data rows");
                problems.throwIfAny();
            }

            // Times and sites first: they locate every value.
            long[] times = parseTimes(table.column(timeCol), header.get(timeCol));
            List<String> siteIds = new ArrayList<>();
            int[] siteOf = parseSites(siteCol < 0 ? null : table.column(siteCol), rows, siteIds);

            // KPI columns, each parsed on its own so a text column can be recognised whole.
            List<String> kpiNames = new ArrayList<>();
            List<double[]> kpiValues = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (c == timeCol || c == siteCol) {
                    continue;
                }
                Column<?> column = table.column(c);
                double[] values = column instanceof DoubleColumn doubles
                        ? numbersRead(doubles, header.get(c))
                        : parseNumbers(column, header.get(c));
                if (values != null) {
                    kpiNames.add(header.get(c));
                    kpiValues.add(values);
                }
            }
            if (kpiNames.isEmpty()) {
                problems.add(1, null, "no numeric KPI column: besides '" + header.get(timeCol)
                        + "'" + (siteCol < 0 ? "" : " and 'site'")
                        + " the file needs at least one column of numbers, e.g. sessions");
                problems.throwIfAny();
            }
            List<Kpi> kpis = KpiRoles.resolve(file, kpiNames, warnings);
            checkRoles(kpis, kpiValues);
            // Bad times or values would only breed confusing follow-up problems on the grid.
            problems.throwIfAny();

            long cellsParsed = System.nanoTime();
            Dataset dataset = assemble(kpis, kpiValues, times, siteOf, siteIds);
            problems.throwIfAny();
            LOG.debug("{}: Tablesaw read {} rows in {} ms, cells parsed in {} ms, grid built in"
                    + " {} ms", name, rows, (tableRead - started) / 1_000_000,
                    (cellsParsed - tableRead) / 1_000_000,
                    (System.nanoTime() - cellsParsed) / 1_000_000);
            return new LoadResult(dataset, warnings);
        }

        // ---------------------------------------------------------------- header and table

        private List<String> readHeader() {
            CsvText.checkReadable(file);
            String first;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                first = in.readLine();
                while (first != null && first.isBlank()) {
                    first = in.readLine();
                }
            } catch (IOException e) {
                throw new InvalidInputException(InputProblem.of(name,
                        "cannot be read: " + e.getMessage()), e);
            }
            if (first == null) {
                throw new InvalidInputException(InputProblem.of(name,
                        "is empty: expected a header such as 'date,site,sessions' and rows"));
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            List<String> header = CsvText.split(first);
            if (header.size() == 1 && (first.contains(";") || first.contains("\t"))) {
                throw new InvalidInputException(new InputProblem(name, 1, null,
                        "columns must be separated by commas; this file seems to use "
                                + (first.contains(";") ? "semicolons" : "tabs")
                                + " (export it as CSV with ',' and a decimal point)"));
            }
            for (int c = 0; c < header.size(); c++) {
                // A column is never named like a date; a first column never like a number.
                String cell = header.get(c);
                if (parseTime(cell) != null || c == 0 && looksNumeric(cell)) {
                    throw new InvalidInputException(new InputProblem(name, 1, null,
                            "no header: line 1 holds data ('" + cell + "'); the first line"
                                    + " must name the columns, e.g. date,site,sessions"));
                }
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                if (column.isEmpty()) {
                    problems.add(1, String.valueOf(c + 1), "column " + (c + 1)
                            + " has no name in the header");
                } else if (seen.put(column.toLowerCase(Locale.ROOT), c) != null) {
                    problems.add(1, column, "column '" + column + "' appears twice in the header");
                }
            }
            return header;
        }

        private int findTimeColumn(List<String> header) {
            for (String candidate : TIME_COLUMNS) {
                int c = indexIgnoringCase(header, candidate);
                if (c >= 0) {
                    return c;
                }
            }
            problems.add(1, null, "missing date column: the header needs a column named 'date'"
                    + " (or 'timestamp' or 'time'); found " + String.join(",", header));
            return -1;
        }

        private static int indexIgnoringCase(List<String> header, String wanted) {
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).equalsIgnoreCase(wanted)) {
                    return c;
                }
            }
            return -1;
        }

        /**
         * Reads the table with Tablesaw. Time and site are text, parsed here. KPI columns are
         * read strictly as numbers by {@code numbers}, or as text when {@code numbers} is
         * {@code null}: then we parse them ourselves, so that a bad cell is named by line and
         * column instead of failing Tablesaw somewhere in the file.
         */
        private Table readTable(int columns, int timeCol, int siteCol, StrictNumberType numbers) {
            ColumnType[] types = new ColumnType[columns];
            Arrays.fill(types, numbers == null ? ColumnType.STRING : numbers);
            types[timeCol] = ColumnType.STRING;
            if (siteCol >= 0) {
                types[siteCol] = ColumnType.STRING;
            }
            CsvReadOptions options = CsvReadOptions.builder(file.toFile())
                    .header(true)
                    .separator(',')
                    .columnTypes(types)
                    .missingValueIndicator("")
                    .maxNumberOfColumns(Math.max(512, columns * 2))
                    .build();
            try {
                return Table.read().usingOptions(options);
            } catch (RuntimeException e) {
                LOG.debug("Tablesaw could not read {}", file, e);
                findRaggedRows(columns);
                problems.throwIfAny();
                throw new InvalidInputException(InputProblem.of(name,
                        "is not a well-formed CSV file: " + e.getMessage()), e);
            }
        }

        /**
         * Names the lines whose number of cells differs from the header's, the usual reason
         * Tablesaw gives up (its own message counts rows, not lines).
         */
        private void findRaggedRows(int columns) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String text;
                long number = 0;
                boolean headerSeen = false;
                while ((text = in.readLine()) != null && !problems.isFull()) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    int cells = CsvText.split(text).size();
                    if (headerSeen && cells != columns) {
                        problems.add(number, null, "has " + cells + " cells, the header "
                                + columns + " columns");
                    }
                    headerSeen = true;
                }
            } catch (IOException e) {
                LOG.debug("could not rescan {}", file, e);
            }
        }

        // ---------------------------------------------------------------- cells

        /** Epoch seconds (as if UTC) per row; distinct date texts are parsed once. */
        private long[] parseTimes(Column<?> column, String columnName) {
            long[] times = new long[column.size()];
            Map<String, Long> cache = new HashMap<>();
            for (int r = 0; r < times.length; r++) {
                String text = text(column, r);
                Long seconds = cache.get(text);
                if (seconds == null) {
                    LocalDateTime time = parseTime(text);
                    seconds = time == null ? Long.MIN_VALUE : time.toEpochSecond(ZoneOffset.UTC);
                    cache.put(text, seconds);
                }
                if (seconds == Long.MIN_VALUE) {
                    problems.add(lineOf(r), columnName, text.isEmpty() ? "empty date"
                            : "cannot read date '" + text + "'; use 2025-03-01,"
                                    + " 2025-03-01 13:00:00 or 2025-03-01T13:00:00"
                                    + (hasZone(text) ? " (local times, without a time zone)"
                                    : ""));
                }
                times[r] = seconds;
            }
            return times;
        }

        private int[] parseSites(Column<?> column, int rows, List<String> siteIds) {
            int[] siteOf = new int[rows];
            if (column == null) {
                siteIds.add(KpiRoles.baseName(file.getFileName().toString()));
                return siteOf;
            }
            Map<String, Integer> index = new HashMap<>();
            for (int r = 0; r < rows; r++) {
                String site = text(column, r);
                if (site.isEmpty()) {
                    problems.add(lineOf(r), column.name(), "empty site name");
                }
                Integer i = index.get(site);
                if (i == null) {
                    i = siteIds.size();
                    index.put(site, i);
                    siteIds.add(site);
                }
                siteOf[r] = i;
            }
            return siteOf;
        }

        /** Numbers Tablesaw read strictly: only empty cells to report. */
        private double[] numbersRead(DoubleColumn column, String columnName) {
            double[] values = column.asDoubleArray();
            List<Integer> emptyRows = new ArrayList<>();
            int emptyCount = 0;
            for (int r = 0; r < values.length; r++) {
                if (Double.isNaN(values[r])) {
                    emptyCount = addBounded(emptyRows, r, emptyCount);
                }
            }
            if (emptyCount == values.length) {
                warnings.add("column '" + columnName + "' is empty; not read as a KPI");
                return null;
            }
            if (emptyCount > 0) {
                warnings.add("column '" + columnName + "': " + count(emptyCount, "empty cell")
                        + " kept as missing (" + describeLines(emptyRows, emptyCount) + ")");
            }
            return values;
        }

        /** The column's numbers, NaN where missing; {@code null} for a column without any. */
        private double[] parseNumbers(Column<?> column, String columnName) {
            int rows = column.size();
            double[] values = new double[rows];
            List<Integer> emptyRows = new ArrayList<>();
            List<Integer> wordRows = new ArrayList<>();
            List<Integer> badRows = new ArrayList<>();
            int emptyCount = 0;
            int wordCount = 0;
            int badCount = 0;
            int numbers = 0;
            for (int r = 0; r < rows; r++) {
                String text = text(column, r);
                double v = parseNumber(text);
                values[r] = v;
                if (!Double.isNaN(v)) {
                    numbers++;
                } else if (text.isEmpty()) {
                    emptyCount = addBounded(emptyRows, r, emptyCount);
                } else if (MISSING_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
                    wordCount = addBounded(wordRows, r, wordCount);
                } else {
                    badCount = addBounded(badRows, r, badCount);
                }
            }

            if (numbers == 0) {
                String why = badCount == 0 ? "is empty"
                        : "holds no numbers (line " + lineOf(badRows.get(0)) + ": '"
                                + text(column, badRows.get(0)) + "')";
                warnings.add("column '" + columnName + "' " + why + "; not read as a KPI");
                return null;
            }
            for (int r : badRows) {
                String text = text(column, r);
                String message = isInfinity(text)
                        ? "infinite value '" + text + "'; leave the cell empty if it is unknown"
                        : "cannot read number '" + text + "'; write plain decimals such as"
                                + " 1234.5 (a point, no thousands separator)";
                problems.add(lineOf(r), columnName, message);
            }
            problems.addUnshown(badCount - badRows.size());
            if (emptyCount > 0) {
                warnings.add("column '" + columnName + "': " + count(emptyCount, "empty cell")
                        + " kept as missing (" + describeLines(emptyRows, emptyCount) + ")");
            }
            if (wordCount > 0) {
                warnings.add("column '" + columnName + "': " + count(wordCount, "cell")
                        + " saying NaN/NA/null kept as missing ("
                        + describeLines(wordRows, wordCount) + ")");
            }
            return values;
        }

        private static int addBounded(List<Integer> rows, int r, int count) {
            if (rows.size() < ProblemList.LIMIT) {
                rows.add(r);
            }
            return count + 1;
        }

        private String describeLines(List<Integer> rows, int count) {
            StringBuilder s = new StringBuilder(count == 1 ? "line " : "lines ");
            for (int i = 0; i < Math.min(LINES_SHOWN, rows.size()); i++) {
                s.append(i == 0 ? "" : ", ").append(lineOf(rows.get(i)));
            }
            if (count > LINES_SHOWN) {
                s.append(", ...");
            }
            return s.toString();
        }

        private void checkRoles(List<Kpi> kpis, List<double[]> kpiValues) {
            for (int k = 0; k < kpis.size(); k++) {
                Kpi kpi = kpis.get(k);
                double[] values = kpiValues.get(k);
                for (int r = 0; r < values.length && !problems.isFull(); r++) {
                    double v = values[r];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    if ((kpi.role() == KpiRole.COUNT || kpi.role() == KpiRole.MONEY) && v < 0) {
                        problems.add(lineOf(r), kpi.name(), "negative value " + plain(v)
                                + " in a " + kpi.role().label() + " KPI");
                    } else if (kpi.role() == KpiRole.RATIO && (v < 0 || v > 1)) {
                        problems.add(lineOf(r), kpi.name(), "ratio " + plain(v)
                                + " outside [0, 1]" + (v > 1 && v <= 100
                                ? "; is it a percentage? write 0.025 for 2.5 %" : ""));
                    }
                }
            }
        }

        // ---------------------------------------------------------------- grid

        private Dataset assemble(List<Kpi> kpis, List<double[]> kpiValues, long[] times,
                                 int[] siteOf, List<String> siteIds) {
            // Rows of each site, sorted by time (a stable sort keeps file order among equals).
            int siteCount = siteIds.size();
            int[] counts = new int[siteCount];
            for (int s : siteOf) {
                counts[s]++;
            }
            int[][] rowsOf = new int[siteCount][];
            for (int s = 0; s < siteCount; s++) {
                rowsOf[s] = new int[counts[s]];
            }
            int[] fill = new int[siteCount];
            for (int r = 0; r < siteOf.length; r++) {
                rowsOf[siteOf[r]][fill[siteOf[r]]++] = r;
            }
            for (int s = 0; s < siteCount; s++) {
                rowsOf[s] = sortByTime(rowsOf[s], times);
            }

            long step = inferStep(rowsOf, times, siteIds);
            if (!problems.isEmpty()) {
                return null;
            }
            List<SiteSeries> sites = new ArrayList<>();
            GapReport gaps = new GapReport();
            TimeStep timeStep = new TimeStep(Duration.ofSeconds(step));
            for (int s = 0; s < siteCount; s++) {
                SiteSeries series = placeOnGrid(siteIds.get(s), rowsOf[s], times, step,
                        timeStep, kpiValues, gaps);
                if (series != null) {
                    sites.add(series);
                }
            }
            gaps.report(warnings, timeStep);
            if (!problems.isEmpty()) {
                return null;
            }
            return new Dataset(file.getFileName().toString(), kpis, timeStep, sites);
        }

        private static int[] sortByTime(int[] rows, long[] times) {
            for (int i = 1; i < rows.length; i++) {
                if (times[rows[i]] < times[rows[i - 1]]) {
                    // Out of order: sort boxed and stable. Exports are usually sorted.
                    return Arrays.stream(rows).boxed()
                            .sorted((a, b) -> Long.compare(times[a], times[b]))
                            .mapToInt(Integer::intValue).toArray();
                }
            }
            return rows;
        }

        /** The most common difference between consecutive times, over all sites. */
        private long inferStep(int[][] rowsOf, long[] times, List<String> siteIds) {
            Map<Long, Integer> overall = new HashMap<>();
            long[] siteStep = new long[rowsOf.length];
            for (int s = 0; s < rowsOf.length; s++) {
                Map<Long, Integer> counts = new HashMap<>();
                int[] rows = rowsOf[s];
                for (int i = 1; i < rows.length; i++) {
                    long diff = times[rows[i]] - times[rows[i - 1]];
                    if (diff == 0 && !options.snapToGrid()) {
                        problems.add(lineOf(rows[i]), null, "duplicate row for site '"
                                + siteIds.get(s) + "' at " + formatTime(times[rows[i]])
                                + " (first on line " + lineOf(rows[i - 1]) + ")");
                    } else if (diff != 0) {
                        counts.merge(diff, 1, Integer::sum);
                    }
                }
                siteStep[s] = mode(counts);
                counts.forEach((d, n) -> overall.merge(d, n, Integer::sum));
            }
            long step = mode(overall);
            if (step <= 0) {
                // Every site has a single row: nothing to infer from; days are the usual case.
                warnings.add("each site has one row; assumed a daily step");
                return Duration.ofDays(1).getSeconds();
            }
            for (int s = 0; s < rowsOf.length; s++) {
                if (siteStep[s] > 0 && siteStep[s] != step) {
                    problems.add(lineOf(rowsOf[s][0]), "site", "site '" + siteIds.get(s)
                            + "' has a " + new TimeStep(Duration.ofSeconds(siteStep[s]))
                            + " step, the other sites " + new TimeStep(Duration.ofSeconds(step))
                            + "; all sites must share one step");
                    continue;
                }
                int[] rows = rowsOf[s];
                for (int i = 1; i < rows.length; i++) {
                    long diff = times[rows[i]] - times[rows[i - 1]];
                    if (diff != 0 && diff % step != 0 && !options.snapToGrid()) {
                        problems.add(lineOf(rows[i]), null, "irregular time step: site '"
                                + siteIds.get(s) + "' has " + formatTime(times[rows[i]])
                                + " after " + formatTime(times[rows[i - 1]]) + " (line "
                                + lineOf(rows[i - 1]) + "), the step is "
                                + new TimeStep(Duration.ofSeconds(step)));
                    }
                }
            }
            return step;
        }

        private static long mode(Map<Long, Integer> counts) {
            long best = -1;
            int bestCount = 0;
            for (Map.Entry<Long, Integer> e : counts.entrySet()) {
                // Ties go to the smaller step: a gap is a multiple of the step, not the reverse.
                if (e.getValue() > bestCount || e.getValue() == bestCount && e.getKey() < best) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best;
        }

        private SiteSeries placeOnGrid(String site, int[] rows, long[] times, long step,
                                       TimeStep timeStep, List<double[]> kpiValues,
                                       GapReport gaps) {
            long first = times[rows[0]];
            long last = times[rows[rows.length - 1]];
            for (int i = 1; i < rows.length; i++) {
                long missing = (times[rows[i]] - times[rows[i - 1]]) / step - 1;
                if (missing > MAX_PLAUSIBLE_GAP && missing > rows.length) {
                    problems.add(lineOf(rows[i]), null, "site '" + site + "' jumps from "
                            + formatTime(times[rows[i - 1]]) + " to " + formatTime(times[rows[i]])
                            + ", " + missing + " missing steps; is a date mistyped?");
                    return null;
                } else if (missing > 0 && !options.snapToGrid()) {
                    gaps.add(site, times[rows[i - 1]] + step, times[rows[i]] - step, missing);
                }
            }
            if (options.snapToGrid()) {
                return snapOnGrid(site, rows, times, step, timeStep, kpiValues, gaps);
            }
            int length = (int) ((last - first) / step + 1);
            double[][] values = new double[kpiValues.size()][length];
            for (double[] series : values) {
                Arrays.fill(series, Double.NaN);
            }
            for (int r : rows) {
                int t = (int) ((times[r] - first) / step);
                for (int k = 0; k < values.length; k++) {
                    values[k][t] = kpiValues.get(k)[r];
                }
            }
            LocalDateTime start = LocalDateTime.ofEpochSecond(first, 0, ZoneOffset.UTC);
            return new SiteSeries(site, start, timeStep, values);
        }

        /**
         * The lenient grid of {@link ImportOptions#snappedToGrid()}: each row goes to its
         * nearest step, rows sharing a step are averaged (missing values left out), and the
         * gaps are what no row reached. The gap check above has already run on the raw times.
         */
        private SiteSeries snapOnGrid(String site, int[] rows, long[] times, long step,
                                      TimeStep timeStep, List<double[]> kpiValues,
                                      GapReport gaps) {
            long first = times[rows[0]];
            long last = times[rows[rows.length - 1]];
            int length = (int) Math.floorDiv(last - first + step / 2, step) + 1;
            int kpis = kpiValues.size();
            double[][] sums = new double[kpis][length];
            int[][] counts = new int[kpis][length];
            int[] rowsAt = new int[length];
            int moved = 0;
            long largestMove = 0;
            for (int r : rows) {
                long offset = times[r] - first;
                int t = (int) Math.floorDiv(offset + step / 2, step);
                long shift = Math.abs(offset - t * step);
                if (shift != 0) {
                    moved++;
                    largestMove = Math.max(largestMove, shift);
                }
                rowsAt[t]++;
                for (int k = 0; k < kpis; k++) {
                    double v = kpiValues.get(k)[r];
                    if (!Double.isNaN(v)) {
                        sums[k][t] += v;
                        counts[k][t]++;
                    }
                }
            }

            double[][] values = new double[kpis][length];
            for (int k = 0; k < kpis; k++) {
                for (int t = 0; t < length; t++) {
                    values[k][t] = counts[k][t] == 0 ? Double.NaN : sums[k][t] / counts[k][t];
                }
            }
            int shared = 0;
            for (int t = 0; t < length; t++) {
                shared += Math.max(0, rowsAt[t] - 1);
                if (rowsAt[t] == 0) {
                    int end = t;
                    while (end + 1 < length && rowsAt[end + 1] == 0) {
                        end++;
                    }
                    gaps.add(site, first + t * step, first + end * step, end - t + 1L);
                    t = end;
                }
            }
            List<String> changes = new ArrayList<>();
            if (moved > 0) {
                changes.add(count(moved, "time") + " off the " + timeStep + " grid moved to the"
                        + " nearest step (by at most " + Duration.ofSeconds(largestMove)
                        .toString().substring(2).toLowerCase(Locale.ROOT) + ")");
            }
            if (shared > 0) {
                changes.add(count(shared, "row") + " sharing a step with another averaged into"
                        + " it");
            }
            if (!changes.isEmpty()) {
                warnings.add("site '" + site + "': " + String.join("; ", changes));
            }
            LocalDateTime start = LocalDateTime.ofEpochSecond(first, 0, ZoneOffset.UTC);
            return new SiteSeries(site, start, timeStep, values);
        }

        // ---------------------------------------------------------------- helpers

        private static String text(Column<?> column, int row) {
            String s = column.getString(row);
            return s == null ? "" : s.trim();
        }

        /**
         * The 1-based file line of a table row. Tablesaw skips blank lines, so the first time a
         * line number is needed (only when something is reported) the file is scanned once to
         * map rows to lines.
         */
        private long lineOf(int row) {
            if (rowLines == null) {
                rowLines = scanRowLines();
            }
            return row < rowLines.length ? rowLines[row] : row + 2L;
        }

        private int[] scanRowLines() {
            List<Integer> lines = new ArrayList<>();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String text;
                int number = 0;
                boolean headerSeen = false;
                while ((text = in.readLine()) != null) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    if (headerSeen) {
                        lines.add(number);
                    }
                    headerSeen = true;
                }
            } catch (IOException e) {
                LOG.debug("could not rescan {} for line numbers", file, e);
            }
            return lines.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Missing time steps, summed up per site for the warnings. */
    private static final class GapReport {
        private final Map<String, long[]> perSite = new LinkedHashMap<>();
        private final Map<String, String> firstGap = new HashMap<>();

        void add(String site, long from, long to, long missing) {
            long[] counts = perSite.computeIfAbsent(site, s -> new long[2]);
            counts[0] += missing;
            counts[1]++;
            firstGap.putIfAbsent(site, formatTime(from) + (from == to ? "" : " to "
                    + formatTime(to)));
        }

        void report(List<String> warnings, TimeStep step) {
            long total = 0;
            int shown = 0;
            for (Map.Entry<String, long[]> e : perSite.entrySet()) {
                total += e.getValue()[0];
                if (shown++ < SITES_SHOWN) {
                    warnings.add("site '" + e.getKey() + "': "
                            + count(e.getValue()[0], "missing " + step + " step") + " in "
                            + count(e.getValue()[1], "gap") + " (first "
                            + firstGap.get(e.getKey()) + "), kept as missing values");
                }
            }
            if (perSite.size() > SITES_SHOWN) {
                warnings.add("in all " + total + " missing steps on " + perSite.size() + " sites");
            }
        }
    }

    // -------------------------------------------------------------------- parsing

    /**
     * A date or date-time in one of the accepted forms, or {@code null}. A date alone is the
     * start of that day.
     */
    public static LocalDateTime parseTime(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay();
            }
            if (text.length() > 10 && text.charAt(10) == ' ') {
                text = text.substring(0, 10) + 'T' + text.substring(11);
            }
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A plain decimal number ({@code -12}, {@code 3.5}, {@code 1e6}), NaN when the text is
     * anything else. Java's own parser would also take {@code 0x1p3}, {@code 1d} or
     * {@code Infinity}; an export never means those, so they are refused.
     */
    static double parseNumber(String text) {
        if (!looksNumeric(text)) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static boolean looksNumeric(String text) {
        if (text.isEmpty()) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    private static boolean hasZone(String text) {
        return text.length() > 10 && (text.endsWith("Z") || text.endsWith("z")
                || text.matches(".*[+-]\\d\\d:?\\d\\d$") && text.lastIndexOf(':') > 13);
    }

    private static boolean isInfinity(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace("+", "").replace("-", "");
        return t.equals("inf") || t.equals("infinity") || t.equals("∞");
    }

    /** "1 gap", "3 gaps". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v);
    }

    static String formatTime(long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                : t.toString().replace('T', ' ');
    }
}
