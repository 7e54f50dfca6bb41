package com.analyticscopilot.agent;

import com.analyticscopilot.data.InputProblem;
import com.analyticscopilot.data.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

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
import java.util.List;

/**
 * The analyst's feedback, kept in an SQLite file (by default {@code feedback.db} in the user
 * folder). Every click is one transaction; the file is in WAL mode so a reader never blocks a
 * writer, and a second copy of the application waits ({@code busy_timeout}) instead of failing.
 * The schema is versioned with {@code PRAGMA user_version} and migrated forward on open.
 */
public final class FeedbackStore implements AutoCloseable {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * How long a write waits for another process's transaction before giving up. A click's
     * transaction takes milliseconds; five seconds covers a second copy of the app migrating.
     */
    private static final int BUSY_TIMEOUT_MS = 5_000;

    /** The first 16 bytes of every SQLite 3 database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

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
            throw unreadable(file, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
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
     * Stores one verdict in its own transaction; when this returns, the click survives a crash.
     *
     * @return the new entry's id
     */
    public synchronized long addFeedback(String eventId, String site, String ruleId, String actionId,
                                         Verdict verdict, String note) {
        String sql = "INSERT INTO feedback(event_id, site, rule_id, action_id, verdict, note,"
                + " created_at, product_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql,
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, eventId);
            insert.setString(2, site);
            insert.setString(3, ruleId);
            insert.setString(4, actionId);
            insert.setString(5, verdict.label());
            insert.setString(6, note);
            insert.setString(7, Instant.now().toString());
            insert.setString(8, productVersion());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("store feedback", e);
        }
    }

    /** Every feedback entry, oldest first. */
    public synchronized List<FeedbackEntry> feedback() {
        String sql = "SELECT id, event_id, site, rule_id, action_id, verdict, note, created_at,"
                + " product_version FROM feedback ORDER BY id";
        List<FeedbackEntry> entries = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                entries.add(new FeedbackEntry(rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), Verdict.parse(rows.getString(6)),
                        rows.getString(7), Instant.parse(rows.getString(8)), rows.getString(9)));
            }
        } catch (SQLException e) {
            throw failure("read feedback", e);
        }
        return entries;
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

    private boolean hasTables() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    /** Refuses a non-empty file that does not start with the SQLite header, before SQLite sees it. */
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

    private static InvalidInputException unreadable(Path file, SQLException e) {
        return new InvalidInputException(InputProblem.of(file.toString(),
                "cannot open the feedback database (" + e.getMessage() + "); it may be damaged;"
                + " it was left untouched: move it away or choose another file with --db"), e);
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("could not " + what + " in " + file + ": " + e.getMessage(), e);
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
