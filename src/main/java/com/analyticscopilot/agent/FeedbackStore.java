package com.analyticscopilot.agent;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.UserFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analyst's feedback, kept in an SQLite file (by default {@code feedback.db} in the user
 * folder). Every click is one transaction; the file is in WAL mode so a reader never blocks a
 * writer, and a second copy of the application waits ({@code busy_timeout}) instead of failing.
 * The schema is versioned with {@code PRAGMA user_version} and migrated forward on open.
 */
public final class FeedbackStore implements AutoCloseable {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 2;

    /**
     * How long a write waits for another process's transaction before giving up. A click's
     * transaction takes milliseconds; five seconds covers a second copy of the app migrating.
     */
    private static final int BUSY_TIMEOUT_MS = 5_000;

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] SQLITE_HEADER =
            "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStore.class);

    /** Step {@code i} takes the schema from version {@code i} to {@code i + 1}. */
    private static final String[][] MIGRATIONS = {
        {
            """
            CREATE TABLE feedback (
                id              INTEGER PRIMARY KEY,
                event_id        TEXT NOT NULL,
                site            TEXT NOT NULL,
                rule_id         TEXT NOT NULL,
                action_id       TEXT NOT NULL,
                verdict         TEXT NOT NULL,
                note            TEXT,
                created_at      TEXT NOT NULL,
                product_version TEXT NOT NULL
            )""",
            "CREATE INDEX feedback_by_action ON feedback(rule_id, action_id, site)",
        },
        {
            // v2: recommendations are kept so a click can name one by id, clicks point at them,
            // and "not an anomaly" moves thresholds through an undoable log.
            """
            CREATE TABLE recommendation (
                id              INTEGER PRIMARY KEY,
                event_id        TEXT NOT NULL,
                site            TEXT NOT NULL,
                rule_id         TEXT NOT NULL,
                diagnosis       TEXT NOT NULL,
                action_id       TEXT NOT NULL,
                action_text     TEXT NOT NULL,
                kpis            TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                product_version TEXT NOT NULL,
                UNIQUE (event_id, rule_id, action_id)
            )""",
            "ALTER TABLE feedback ADD COLUMN recommendation_id INTEGER"
                    + " REFERENCES recommendation(id)",
            """
            CREATE TABLE threshold_log (
                id              INTEGER PRIMARY KEY,
                site            TEXT NOT NULL,
                kpi             TEXT NOT NULL,
                delta           REAL NOT NULL,
                offset_after    REAL NOT NULL,
                feedback_id     INTEGER REFERENCES feedback(id),
                reason          TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                undone_at       TEXT,
                product_version TEXT NOT NULL
            )""",
            "CREATE INDEX threshold_by_site ON threshold_log(site, kpi)",
        },
    };

    private final Path file;
    private final Connection connection;

    private FeedbackStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens the store at {@code file}, creating it (and its folder) when missing and migrating
     * an older schema forward.
     *
     * @throws InvalidInputException when the file is not a feedback database or was written by a
     *                               newer version; the file is left exactly as it was
     */
    public static FeedbackStore open(Path file) {
        checkHeader(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(file.toString(),
                    "cannot create the folder of the feedback database: " + e.getMessage()), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection connection = null;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            FeedbackStore store = new FeedbackStore(file, connection);
            store.prepare();
            return store;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (isBusy(e)) {
                throw new IllegalStateException("the feedback database " + file
                        + " stayed locked by another program for " + BUSY_TIMEOUT_MS / 1000
                        + " s: " + e.getMessage(), e);
            }
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The default database: {@code feedback.db} in the user folder. */
    public static Path defaultFile() {
        return UserFolder.path().resolve("feedback.db");
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The schema version of the open file (after migration, {@link #SCHEMA_VERSION}). */
    public synchronized int schemaVersion() {
        try {
            return userVersion();
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    /**
     * Keeps a recommended action so a click can refer to it by id. Showing the same action for
     * the same event and rule again returns the same id.
     *
     * @param kpis the event's flagged KPIs, which "not an anomaly" would make less sensitive
     * @return the recommendation's id
     */
    public synchronized long saveRecommendation(String eventId, String site, String ruleId,
                                                String diagnosis, String actionId,
                                                String actionText, List<String> kpis) {
        try {
            return inTransaction(() -> {
                String insert = "INSERT INTO recommendation(event_id, site, rule_id, diagnosis,"
                        + " action_id, action_text, kpis, created_at, product_version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (event_id, rule_id, action_id) DO UPDATE SET"
                        + " diagnosis = excluded.diagnosis, action_text = excluded.action_text,"
                        + " kpis = excluded.kpis";
                try (PreparedStatement s = connection.prepareStatement(insert)) {
                    s.setString(1, eventId);
                    s.setString(2, site);
                    s.setString(3, ruleId);
                    s.setString(4, diagnosis);
                    s.setString(5, actionId);
                    s.setString(6, actionText);
                    s.setString(7, String.join(",", kpis));
                    s.setString(8, Instant.now().toString());
                    s.setString(9, productVersion());
                    s.executeUpdate();
                }
                String find = "SELECT id FROM recommendation WHERE event_id = ? AND rule_id = ?"
                        + " AND action_id = ?";
                try (PreparedStatement s = connection.prepareStatement(find)) {
                    s.setString(1, eventId);
                    s.setString(2, ruleId);
                    s.setString(3, actionId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        return r.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw failure("store a recommendation", e);
        }
    }

    /** The stored recommendation with this id, if any. */
    public synchronized Optional<StoredRecommendation> recommendation(long id) {
        try {
            return findRecommendation(id);
        } catch (SQLException e) {
            throw failure("read a recommendation", e);
        }
    }

    /** Every stored recommendation of a site ({@code null}: of every site), oldest first. */
    public synchronized List<StoredRecommendation> recommendations(String site) {
        String sql = RECOMMENDATION_COLUMNS + (site == null ? "" : " WHERE site = ?")
                + " ORDER BY id";
        List<StoredRecommendation> found = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (site != null) {
                s.setString(1, site);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(readRecommendation(r));
                }
            }
        } catch (SQLException e) {
            throw failure("read recommendations", e);
        }
        return found;
    }

    /**
     * Stores one click on a recommendation as one transaction: when this returns, the click
     * survives a crash. "Not an anomaly" also raises the threshold of each of the event's
     * flagged KPIs on its site by one step of {@code policy}, never past its cap, and logs
     * every change in the same transaction.
     *
     * @throws InvalidInputException when there is no recommendation with that id
     */
    public synchronized Click addFeedback(long recommendationId, Verdict verdict, String note,
                                          ThresholdPolicy policy) {
        try {
            return inTransaction(() -> {
                StoredRecommendation rec = findRecommendation(recommendationId).orElseThrow(
                        () -> new InvalidInputException(InputProblem.of(file.toString(),
                                "there is no recommendation with id " + recommendationId
                                + "; 'copilot recommend' prints the ids")));
                long feedbackId = insertFeedback(rec, verdict, note);
                List<ThresholdChange> changes = new ArrayList<>();
                List<String> notes = new ArrayList<>();
                if (verdict == Verdict.NOT_ANOMALY && rec.kpis().isEmpty()) {
                    notes.add("event " + rec.eventId() + " names no site KPI to make less"
                            + " sensitive (a market-wide event); no threshold changed");
                }
                if (verdict == Verdict.NOT_ANOMALY) {
                    for (String kpi : rec.kpis()) {
                        raiseThreshold(rec, kpi, feedbackId, policy, changes, notes);
                    }
                }
                FeedbackEntry entry = feedbackWhere("id = " + feedbackId).get(0);
                return new Click(entry, changes, notes);
            });
        } catch (SQLException e) {
            throw failure("store feedback", e);
        }
    }

    /** Every feedback entry, oldest first. */
    public synchronized List<FeedbackEntry> feedback() {
        try {
            return feedbackWhere("1 = 1");
        } catch (SQLException e) {
            throw failure("read feedback", e);
        }
    }

    /**
     * The accept and reject counts of every action of a rule, per site, one vote per anomaly
     * event: the latest accept or reject on an event counts, so an analyst who changes their
     * mind is not counted twice.
     */
    public synchronized List<ActionTally> tallies(String ruleId) {
        String sql = """
                SELECT action_id, site,
                       sum(verdict = 'accept'), sum(verdict = 'reject')
                FROM feedback f
                WHERE rule_id = ? AND verdict IN ('accept', 'reject')
                  AND id = (SELECT max(id) FROM feedback g
                            WHERE g.event_id = f.event_id AND g.rule_id = f.rule_id
                              AND g.action_id = f.action_id
                              AND g.verdict IN ('accept', 'reject'))
                GROUP BY action_id, site
                ORDER BY action_id, site""";
        List<ActionTally> tallies = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, ruleId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tallies.add(new ActionTally(r.getString(1), r.getString(2), r.getInt(3),
                            r.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw failure("count feedback", e);
        }
        return tallies;
    }

    /** The threshold log, oldest first, undone entries included. */
    public synchronized List<ThresholdChange> thresholdLog() {
        try {
            return thresholdWhere("1 = 1");
        } catch (SQLException e) {
            throw failure("read the threshold log", e);
        }
    }

    /** The total offset in force per site and KPI; absent pairs have none. */
    public synchronized Map<ThresholdKey, Double> thresholdOffsets() {
        String sql = "SELECT site, kpi, sum(delta) FROM threshold_log WHERE undone_at IS NULL"
                + " GROUP BY site, kpi";
        Map<ThresholdKey, Double> offsets = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                offsets.put(new ThresholdKey(r.getString(1), r.getString(2)), r.getDouble(3));
            }
        } catch (SQLException e) {
            throw failure("read threshold offsets", e);
        }
        return offsets;
    }

    /**
     * Undoes one threshold change: it stays in the log, marked undone, and stops counting.
     *
     * @return the entry as it is now
     * @throws InvalidInputException when there is no such entry or it was already undone
     */
    public synchronized ThresholdChange undoThreshold(long changeId) {
        try {
            return inTransaction(() -> {
                List<ThresholdChange> found = thresholdWhere("id = " + changeId);
                if (found.isEmpty()) {
                    throw new InvalidInputException(InputProblem.of(file.toString(),
                            "there is no threshold change with id " + changeId
                            + "; 'copilot feedback thresholds' lists them"));
                }
                if (!found.get(0).active()) {
                    throw new InvalidInputException(InputProblem.of(file.toString(),
                            "threshold change " + changeId + " was already undone at "
                            + found.get(0).undoneAt()));
                }
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE threshold_log SET undone_at = ? WHERE id = ?")) {
                    s.setString(1, Instant.now().toString());
                    s.setLong(2, changeId);
                    s.executeUpdate();
                }
                return thresholdWhere("id = " + changeId).get(0);
            });
        } catch (SQLException e) {
            throw failure("undo a threshold change", e);
        }
    }

    private long insertFeedback(StoredRecommendation rec, Verdict verdict, String note)
            throws SQLException {
        String sql = "INSERT INTO feedback(recommendation_id, event_id, site, rule_id, action_id,"
                + " verdict, note, created_at, product_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = connection.prepareStatement(sql,
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, rec.id());
            s.setString(2, rec.eventId());
            s.setString(3, rec.site());
            s.setString(4, rec.ruleId());
            s.setString(5, rec.actionId());
            s.setString(6, verdict.label());
            s.setString(7, note == null || note.isBlank() ? null : note);
            s.setString(8, Instant.now().toString());
            s.setString(9, productVersion());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void raiseThreshold(StoredRecommendation rec, String kpi, long feedbackId,
                                ThresholdPolicy policy, List<ThresholdChange> changes,
                                List<String> notes) throws SQLException {
        double current = 0;
        try (PreparedStatement s = connection.prepareStatement("SELECT coalesce(sum(delta), 0)"
                + " FROM threshold_log WHERE site = ? AND kpi = ? AND undone_at IS NULL")) {
            s.setString(1, rec.site());
            s.setString(2, kpi);
            try (ResultSet r = s.executeQuery()) {
                current = r.next() ? r.getDouble(1) : 0;
            }
        }

        // Bounded: one step at most, and never past the cap.
        double delta = Math.min(policy.step(), policy.cap() - current);
        if (delta < 1e-9) {
            notes.add(kpi + " on " + rec.site() + " is already at the cap of +"
                    + policy.cap() + "; threshold unchanged");
            return;
        }

        String reason = "not an anomaly: " + rec.eventId();
        String sql = "INSERT INTO threshold_log(site, kpi, delta, offset_after, feedback_id,"
                + " reason, created_at, product_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = connection.prepareStatement(sql,
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, rec.site());
            s.setString(2, kpi);
            s.setDouble(3, delta);
            s.setDouble(4, current + delta);
            s.setLong(5, feedbackId);
            s.setString(6, reason);
            s.setString(7, Instant.now().toString());
            s.setString(8, productVersion());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                changes.add(thresholdWhere("id = " + keys.getLong(1)).get(0));
            }
        }
    }

    private static final String RECOMMENDATION_COLUMNS = "SELECT id, event_id, site, rule_id,"
            + " diagnosis, action_id, action_text, kpis, created_at FROM recommendation";

    private Optional<StoredRecommendation> findRecommendation(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RECOMMENDATION_COLUMNS
                + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(readRecommendation(r)) : Optional.empty();
            }
        }
    }

    private static StoredRecommendation readRecommendation(ResultSet r) throws SQLException {
        String kpis = r.getString(8);
        return new StoredRecommendation(r.getLong(1), r.getString(2), r.getString(3),
                r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                kpis.isEmpty() ? List.of() : List.of(kpis.split(",")),
                Instant.parse(r.getString(9)));
    }

    /** Feedback rows matching {@code where}, which must be built from constants only. */
    private List<FeedbackEntry> feedbackWhere(String where) throws SQLException {
        String sql = "SELECT id, coalesce(recommendation_id, 0), event_id, site, rule_id,"
                + " action_id, verdict, note, created_at, product_version FROM feedback WHERE "
                + where + " ORDER BY id";
        List<FeedbackEntry> entries = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                entries.add(new FeedbackEntry(r.getLong(1), r.getLong(2), r.getString(3),
                        r.getString(4), r.getString(5), r.getString(6),
                        Verdict.parse(r.getString(7)), r.getString(8),
                        Instant.parse(r.getString(9)), r.getString(10)));
            }
        }
        return entries;
    }

    /** Threshold log rows matching {@code where}, which must be built from constants only. */
    private List<ThresholdChange> thresholdWhere(String where) throws SQLException {
        String sql = "SELECT id, site, kpi, delta, offset_after, coalesce(feedback_id, 0), reason,"
                + " created_at, undone_at FROM threshold_log WHERE " + where + " ORDER BY id";
        List<ThresholdChange> changes = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                String undone = r.getString(9);
                changes.add(new ThresholdChange(r.getLong(1), r.getString(2), r.getString(3),
                        r.getDouble(4), r.getDouble(5), r.getLong(6), r.getString(7),
                        Instant.parse(r.getString(8)),
                        undone == null ? null : Instant.parse(undone)));
            }
        }
        return changes;
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    /** The product version written next to every row: the jar's, or "development". */
    static String productVersion() {
        String version = FeedbackStore.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private void prepare() throws SQLException {
        // Read before writing anything: a newer or foreign file must stay byte for byte as it was.
        int version = userVersion();
        if (version > SCHEMA_VERSION) {
            throw new InvalidInputException(InputProblem.of(file.toString(),
                    "the feedback database has schema version " + version + ", written by a newer"
                    + " Analytics Copilot; this version reads up to " + SCHEMA_VERSION
                    + ". Update the application or choose another file with --db; the file was"
                    + " left untouched"));
        }
        if (version > 0 && !"ok".equals(quickCheck())) {
            throw new InvalidInputException(InputProblem.of(file.toString(),
                    "the feedback database is damaged (SQLite's check says: " + quickCheck()
                    + "); it was left untouched: move it away or choose another file with --db"));
        }
        if (version == 0 && hasTables()) {
            throw new InvalidInputException(InputProblem.of(file.toString(),
                    "is an SQLite database but not a feedback database (it has tables and no"
                    + " schema version); choose another file; this one was left untouched"));
        }

        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // FULL: a committed click is on disk even after a power cut, not only a crash.
            s.execute("PRAGMA synchronous=FULL");
        }

        migrate();
    }

    private void migrate() throws SQLException {
        // BEGIN IMMEDIATE takes the write lock first, so two copies of the app opening an old
        // file at once migrate it one after the other; the version is re-read under the lock.
        inTransaction(() -> {
            int version = userVersion();
            try (Statement s = connection.createStatement()) {
                for (int step = version; step < SCHEMA_VERSION; step++) {
                    for (String sql : MIGRATIONS[step]) {
                        s.execute(sql);
                    }
                    LOG.info("Feedback database {} migrated from schema {} to {}", file, step,
                            step + 1);
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return null;
        });
    }

    /** Work on the database that may throw {@link SQLException}. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} as one write transaction. IMMEDIATE takes the write lock up front, so a
     * second process waits for it (busy timeout) instead of failing halfway through.
     */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run();
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private int userVersion() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** SQLite's quick structural check: "ok", or the first problem found. */
    private String quickCheck() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("PRAGMA quick_check(1)")) {
            return r.next() ? r.getString(1) : "no answer";
        }
    }

    /** SQLite's full integrity check of the open file: "ok", or the problems found. */
    synchronized String integrityCheck() {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (r.next()) {
                out.append(out.length() == 0 ? "" : "; ").append(r.getString(1));
            }
            return out.toString();
        } catch (SQLException e) {
            throw failure("check the database", e);
        }
    }

    private boolean hasTables() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    /** Refuses a non-empty file without the SQLite header, before SQLite sees it. */
    private static void checkHeader(Path file) {
        if (!Files.isRegularFile(file)) {
            if (Files.exists(file)) {
                throw new InvalidInputException(InputProblem.of(file.toString(),
                        "is not a regular file, so it cannot be the feedback database"));
            }
            return;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new InvalidInputException(InputProblem.of(file.toString(),
                    "cannot read the feedback database: " + e.getMessage()), e);
        }
        if (read == 0) {
            return;
        }
        if (read < head.length || !java.util.Arrays.equals(head, SQLITE_HEADER)) {
            throw new InvalidInputException(InputProblem.of(file.toString(),
                    "is not a feedback database (not an SQLite file, or its header is damaged);"
                    + " it was left untouched: move it away or choose another file with --db"));
        }
    }

    /** A lock held too long by another connection: not the file's fault. */
    private static boolean isBusy(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            String name = sqlite.getResultCode().name();
            return name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED");
        }
        return false;
    }

    private static InvalidInputException unreadable(Path file, SQLException e) {
        return new InvalidInputException(InputProblem.of(file.toString(),
                "cannot open the feedback database (" + e.getMessage() + "); it may be damaged;"
                + " it was left untouched: move it away or choose another file with --db"), e);
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("could not " + what + " in " + file + ": "
                + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the feedback database failed: {}", e.getMessage());
        }
    }
}
