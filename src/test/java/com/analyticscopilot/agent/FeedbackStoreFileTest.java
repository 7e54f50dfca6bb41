package com.analyticscopilot.agent;

import com.analyticscopilot.agent.playbook.Playbook;
import com.analyticscopilot.data.InvalidInputException;
import com.analyticscopilot.data.TimeStep;
import com.analyticscopilot.detect.AnomalyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

import static com.analyticscopilot.data.KpiRole.COUNT;
import static com.analyticscopilot.data.KpiRole.MONEY;
import static com.analyticscopilot.data.KpiRole.RATIO;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's file: created, migrated from an old version, and refused when it is not ours. */
class FeedbackStoreFileTest {

    @TempDir
    Path folder;

    private Path v1Copy() throws Exception {
        Path db = folder.resolve("old.db");
        try (InputStream in = getClass().getResourceAsStream("/agent/feedback-v1.db")) {
            Files.copy(in, db, StandardCopyOption.REPLACE_EXISTING);
        }
        return db;
    }

    private static InvalidInputException refused(Path db) {
        return assertThrows(InvalidInputException.class, () -> FeedbackStore.open(db));
    }

    @Test
    void newStoreIsCreatedWithFolderInWalModeAtTheCurrentSchema() throws Exception {
        Path db = folder.resolve("deep/er/feedback.db");

        try (FeedbackStore store = FeedbackStore.open(db)) {
            assertEquals(FeedbackStore.SCHEMA_VERSION, store.schemaVersion());
            assertTrue(store.feedback().isEmpty());
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            assertEquals("wal", s.executeQuery("PRAGMA journal_mode").getString(1));
            assertEquals(2, s.executeQuery("PRAGMA user_version").getInt(1));
        }
    }

    @Test
    void versionOneFileIsMigratedWithoutLosingAClick() throws Exception {
        Path db = v1Copy();

        try (FeedbackStore store = FeedbackStore.open(db)) {
            assertEquals(2, store.schemaVersion());
            List<FeedbackEntry> old = store.feedback();
            assertEquals(4, old.size());
            FeedbackEntry first = old.get(0);
            assertEquals("shop-01/2026-03-02T00:00", first.eventId());
            assertEquals("traffic-loss", first.ruleId());
            assertEquals("check-tracking", first.actionId());
            assertEquals(Verdict.REJECT, first.verdict());
            assertEquals("tag was fine", first.note());
            assertEquals(0, first.recommendationId());
            assertNull(old.get(1).note());
            assertEquals(Verdict.ACCEPT, old.get(3).verdict());
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void migratedHistoryStillRanksAndNewFeaturesWork() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(v1Copy())) {
            Agent agent = new Agent(Playbook.shipped(), store, TimeStep.DAILY);
            AnomalyEvent event = Events.on("shop-01").flagged("sessions", COUNT, -60)
                    .steady("conversion_rate", RATIO, 0).flagged("revenue", MONEY, -60).build();

            Recommendation rec = agent.recommend(event, List.of()).get(0);
            RankedAction tracking = rec.actions().stream()
                    .filter(a -> a.id().equals("check-tracking")).findFirst().orElseThrow();
            assertTrue(tracking.reason().startsWith("rejected 2 of 2 times on this site"),
                    tracking.reason());
            assertEquals("check-sources", rec.actions().get(0).id());

            long id = agent.record(event, List.of(rec)).get(0);
            Click click = agent.notAnomaly(id, "after migration");
            assertEquals(2, click.changes().size());
            assertEquals(id, store.feedback().get(4).recommendationId());
        }
    }

    @Test
    void reopeningIsHarmless() throws Exception {
        Path db = v1Copy();
        FeedbackStore.open(db).close();

        try (FeedbackStore store = FeedbackStore.open(db)) {
            assertEquals(4, store.feedback().size());
            assertEquals(2, store.schemaVersion());
        }
    }

    @Test
    void textFileIsRefusedByNameAndLeftByteForByte() throws Exception {
        Path db = folder.resolve("feedback.db");
        Files.writeString(db, "site,kpi\nshop-01,sessions\n", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(db);

        InvalidInputException e = refused(db);

        assertEquals(db.toString(), e.problems().get(0).file());
        assertTrue(e.getMessage().contains("is not a feedback database"), e.getMessage());
        assertTrue(e.getMessage().contains("left untouched"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db));
        assertFalse(Files.exists(folder.resolve("feedback.db-wal")));
    }

    @Test
    void damagedDatabaseIsRefusedAndLeftByteForByte() throws Exception {
        Path db = v1Copy();
        byte[] bytes = Files.readAllBytes(db);
        // Keep the 100-byte header, scramble the pages behind it.
        Random random = new Random(7);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        Files.write(db, bytes);

        InvalidInputException e = refused(db);

        assertEquals(db.toString(), e.problems().get(0).file());
        assertTrue(e.getMessage().contains("left untouched"), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(db));
    }

    @Test
    void newerSchemaIsRefusedAndLeftByteForByte() throws Exception {
        Path db = folder.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY, what TEXT)");
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(db);

        InvalidInputException e = refused(db);

        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void someoneElsesSqliteDatabaseIsNotAdoptedOrChanged() throws Exception {
        Path db = folder.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        }
        byte[] before = Files.readAllBytes(db);

        InvalidInputException e = refused(db);

        assertTrue(e.getMessage().contains("not a feedback database"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void folderInPlaceOfTheFileIsAClearError() throws Exception {
        Path db = Files.createDirectory(folder.resolve("feedback.db"));

        InvalidInputException e = refused(db);

        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
