package com.analyticscopilot.report;

import com.analyticscopilot.agent.Advisor;
import com.analyticscopilot.agent.Recommendation;
import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.detect.AnomalyEvent;
import com.analyticscopilot.detect.AnomalyPoint;
import com.analyticscopilot.detect.DetectionResult;
import com.analyticscopilot.detect.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The anomaly report: one row per flagged (site, date, KPI), most severe first, then by score.
 * What {@code copilot detect} writes and the workbench exports; {@link #read} reads it back.
 *
 * <p>Columns: {@code site,date,kpi,value,expected,stl_score,lstm_score,score,severity,
 * diagnosis,action,event_id,impact}. Scores are signed (negative: below expectation); an empty
 * cell is a value that does not exist (no neural view, no advisor, no money KPI). Text cells are
 * {@linkplain Csv#neutralise neutralised} against spreadsheet formulas.
 */
public final class AnomalyReport {

    public static final List<String> COLUMNS = List.of("site", "date", "kpi", "value",
            "expected", "stl_score", "lstm_score", "score", "severity", "diagnosis", "action",
            "event_id", "impact");

    private static final Logger LOG = LoggerFactory.getLogger(AnomalyReport.class);
    private static final DateTimeFormatter SUB_DAILY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Most severe first, then the largest absolute score, then site, date and KPI. */
    public static final Comparator<Row> ORDER = Comparator.comparing(Row::severity).reversed()
            .thenComparing(r -> -Math.abs(r.score()))
            .thenComparing(Row::site).thenComparing(Row::date).thenComparing(Row::kpi);

    private final List<Row> rows;

    /**
     * One row of the report.
     *
     * @param site      the site
     * @param date      {@code yyyy-MM-dd} for daily data, {@code yyyy-MM-dd HH:mm:ss} otherwise
     * @param kpi       the KPI
     * @param value     observed
     * @param expected  expected
     * @param stlScore  statistical view's score; NaN when it did not run
     * @param lstmScore neural view's score; NaN when it did not run
     * @param score     the score the flag was raised on
     * @param severity  severity of the point
     * @param diagnosis the agent's diagnosis of the event; empty without an advisor
     * @param action    the agent's top action; empty without an advisor
     * @param eventId   the event the point belongs to
     * @param impact    the event's money impact (expected minus observed); NaN when none
     */
    public record Row(String site, String date, String kpi, double value, double expected,
                      double stlScore, double lstmScore, double score, Severity severity,
                      String diagnosis, String action, String eventId, double impact) {
    }

    public AnomalyReport(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        this.rows = List.copyOf(sorted);
    }

    /** The rows, in report order. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The report of a detection run.
     *
     * @param advisor fills diagnosis and action per event; {@code null} leaves them empty
     */
    public static AnomalyReport of(DetectionResult result, Advisor advisor) {
        boolean daily = result.dataset().step().isDaily();
        Map<String, Recommendation> advice = new HashMap<>();
        if (advisor != null) {
            for (AnomalyEvent event : result.events()) {
                try {
                    List<Recommendation> r = advisor.recommend(event, result.events());
                    if (!r.isEmpty()) {
                        advice.put(event.id(), r.get(0));
                    }
                } catch (RuntimeException e) {
                    // The anomaly stays in the report without advice rather than being lost.
                    LOG.warn("no advice for event {}: the advisor failed", event.id(), e);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (AnomalyEvent event : result.events()) {
            Recommendation r = advice.get(event.id());
            for (AnomalyPoint p : event.points()) {
                rows.add(new Row(p.site(), formatTime(p.time(), daily), p.kpi(), p.value(),
                        p.expected(), p.stlScore(), p.lstmScore(), p.score(), p.severity(),
                        r == null ? "" : r.diagnosis(), r == null ? "" : r.topAction(),
                        event.id(), event.impact()));
            }
        }
        return new AnomalyReport(rows);
    }

    static String formatTime(LocalDateTime time, boolean daily) {
        return daily ? time.toLocalDate().toString() : time.format(SUB_DAILY);
    }

    /** Writes the report as UTF-8 CSV. */
    public void write(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(out);
        }
    }

    /** Writes the report as CSV. */
    public void write(Writer out) throws IOException {
        Csv.writeRecord(out, COLUMNS);
        for (Row r : rows) {
            Csv.writeRecord(out, List.of(text(r.site()), text(r.date()), text(r.kpi()),
                    number(r.value()), estimate(r.expected()), score(r.stlScore()),
                    score(r.lstmScore()), score(r.score()), r.severity().label(),
                    text(r.diagnosis()), text(r.action()), text(r.eventId()),
                    estimate(r.impact())));
        }
    }

    private static String text(String s) {
        return Csv.neutralise(s == null ? "" : s);
    }

    /** An observed value exactly as read, without a trailing ".0" on whole numbers. */
    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * A model's estimate (expected value, impact) to 6 significant digits: more would be noise
     * to an analyst reading the report in a spreadsheet, fewer would round a conversion rate of
     * 0.0463 or revenue of 123,456 visibly.
     */
    private static String estimate(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "" : Double.toString(v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A score to 3 decimals: thresholds and severities never depend on the fourth. */
    private static String score(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "" : Double.toString(v);
        }
        return new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Reads a report written by {@link #write}. The first 11 columns are required, in any order;
     * {@code event_id} and {@code impact} are optional; other columns are ignored.
     *
     * @throws InvalidInputException naming file, line and column of every problem
     */
    public static AnomalyReport read(Path file) {
        String name = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(InputProblem.of(name, "no such file"));
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(name, "cannot read: " + e.getMessage()),
                    e);
        }
    }

    /** Reads a report from a reader; {@code name} is used in messages. */
    public static AnomalyReport read(Reader in, String name) throws IOException {
        List<Csv.Record> records;
        try {
            records = Csv.read(in);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(InputProblem.of(name, e.getMessage()));
        }
        if (records.isEmpty()) {
            throw new InvalidInputException(InputProblem.of(name, "the file is empty"));
        }
        List<String> header = records.get(0).cells().stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<InputProblem> problems = new ArrayList<>();
        for (String required : COLUMNS.subList(0, 11)) {
            if (!header.contains(required)) {
                problems.add(new InputProblem(name, 1, required, "required column is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            RowReader r = new RowReader(name, record, header, problems);
            Severity severity = r.severity();
            Row row = new Row(r.text("site"), r.text("date"), r.text("kpi"), r.number("value"),
                    r.number("expected"), r.number("stl_score"), r.number("lstm_score"),
                    r.number("score"), severity, r.text("diagnosis"), r.text("action"),
                    r.text("event_id"), r.number("impact"));
            if (r.ok) {
                rows.add(row);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AnomalyReport(rows);
    }

    /** Reads the cells of one record by column name, collecting problems. */
    private static final class RowReader {
        private final String file;
        private final Csv.Record record;
        private final List<String> header;
        private final List<InputProblem> problems;
        private boolean ok = true;

        RowReader(String file, Csv.Record record, List<String> header,
                  List<InputProblem> problems) {
            this.file = file;
            this.record = record;
            this.header = header;
            this.problems = problems;
            if (record.cells().size() != header.size()) {
                fail(null, "has " + record.cells().size() + " cells, the header "
                        + header.size());
            }
        }

        private String raw(String column) {
            int i = header.indexOf(column);
            return i < 0 || i >= record.cells().size() ? "" : record.cells().get(i);
        }

        String text(String column) {
            return Csv.restore(raw(column));
        }

        double number(String column) {
            String cell = raw(column).trim();
            if (cell.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                fail(column, "'" + cell + "' is not a number");
                return Double.NaN;
            }
        }

        Severity severity() {
            String cell = raw("severity").trim();
            for (Severity s : Severity.values()) {
                if (s.label().equalsIgnoreCase(cell)) {
                    return s;
                }
            }
            fail("severity", "'" + cell + "' is not one of low, medium, high, critical");
            return Severity.LOW;
        }

        private void fail(String column, String message) {
            ok = false;
            problems.add(new InputProblem(file, record.line(), column, message));
        }
    }
}
