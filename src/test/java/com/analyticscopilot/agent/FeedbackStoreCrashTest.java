package com.analyticscopilot.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clicks survive a killed process, and two copies of the application share one file safely. */
class FeedbackStoreCrashTest {

    /** Clicks the child must have committed before it is killed: enough to be mid-stream. */
    private static final int KILL_AFTER = 40;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyClickCommittedBeforeAKillIsThere() throws Exception {
        Path db = folder.resolve("feedback.db");
        ProcessBuilder builder = writer(db, 1_000_000);
        // A file, not a pipe: killing the child closes our end of a pipe, and the lines it
        // printed last would be lost to the test (not to the store).
        Path printed = folder.resolve("printed.txt");
        builder.redirectOutput(printed.toFile());
        Process child = builder.start();

        while (committedLines(printed).size() < KILL_AFTER) {
            assertTrue(child.isAlive(), "the child stopped early: " + Files.readString(printed));
            Thread.sleep(20);
        }
        // Mid-loop: the child is busy writing the next clicks.
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        List<Long> committed = committedLines(printed);
        assertTrue(committed.size() >= KILL_AFTER, "the child committed " + committed.size());

        try (FeedbackStore store = FeedbackStore.open(db)) {
            Set<Long> stored = store.feedback().stream().map(FeedbackEntry::id)
                    .collect(Collectors.toSet());
            for (long id : committed) {
                assertTrue(stored.contains(id), "click " + id + " was committed but is missing");
            }
            assertEquals("ok", store.integrityCheck());
            // At most the one click in flight at the kill may be there without having been printed.
            assertTrue(stored.size() <= committed.size() + 1,
                    stored.size() + " stored, " + committed.size() + " printed");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoProcessesWritingOneFileAtOnceLoseNothing() throws Exception {
        Path db = folder.resolve("two.db");
        int clicks = 100;
        List<Process> children = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path printed = folder.resolve("printed-" + i + ".txt");
            outputs.add(printed);
            children.add(writer(db, clicks).redirectOutput(printed.toFile()).start());
        }
        for (Process child : children) {
            assertTrue(child.waitFor(90, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        }

        Set<Long> printedIds = new HashSet<>();
        for (Path printed : outputs) {
            printedIds.addAll(committedLines(printed));
        }
        assertEquals(2 * clicks, printedIds.size());
        try (FeedbackStore store = FeedbackStore.open(db)) {
            Set<Long> stored = store.feedback().stream().map(FeedbackEntry::id)
                    .collect(Collectors.toSet());
            assertEquals(printedIds, stored);
            // Both processes stored the same recommendation: one row, one id.
            assertEquals(1, store.recommendations(null).size());
            assertEquals("ok", store.integrityCheck());
        }
    }

    private ProcessBuilder writer(Path db, int clicks) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dcopilot.home=" + folder, FeedbackWriterMain.class.getName(), db.toString(),
                Integer.toString(clicks))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoStoresOnOneFileWriteConcurrentlyWithoutLoss() throws Exception {
        Path db = folder.resolve("shared.db");
        int perWriter = 150;
        try (FeedbackStore a = FeedbackStore.open(db); FeedbackStore b = FeedbackStore.open(db)) {
            long recA = a.saveRecommendation("s1/2026-01-01T00:00", "s1", "traffic-loss", "T",
                    "check-tracking", "Check", List.of("sessions"));
            long recB = b.saveRecommendation("s2/2026-01-01T00:00", "s2", "traffic-loss", "T",
                    "check-tracking", "Check", List.of("sessions"));

            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                Future<Set<Long>> fromA = pool.submit(() -> write(a, recA, perWriter, start));
                Future<Set<Long>> fromB = pool.submit(() -> write(b, recB, perWriter, start));
                start.countDown();
                Set<Long> ids = new HashSet<>(fromA.get());
                ids.addAll(fromB.get());

                assertEquals(2 * perWriter, ids.size(), "ids must be unique across the writers");
                assertEquals(2 * perWriter, a.feedback().size());
                assertEquals(2 * perWriter, b.feedback().size());
                // Both writers raised thresholds: each site's total respects the cap.
                assertEquals(ThresholdPolicy.DEFAULT.cap(),
                        a.thresholdOffsets().get(new ThresholdKey("s1", "sessions")), 1e-12);
                assertEquals(ThresholdPolicy.DEFAULT.cap(),
                        b.thresholdOffsets().get(new ThresholdKey("s2", "sessions")), 1e-12);
                assertEquals("ok", a.integrityCheck());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoCopiesOpeningAnOldFileAtOnceMigrateItOnce() throws Exception {
        Path db = folder.resolve("old.db");
        try (var in = getClass().getResourceAsStream("/agent/feedback-v1.db")) {
            java.nio.file.Files.copy(in, db);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> opened = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opened.add(pool.submit(() -> {
                    start.await();
                    try (FeedbackStore store = FeedbackStore.open(db)) {
                        return store.feedback().size();
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> f : opened) {
                assertEquals(4, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> committedLines(Path printed) throws java.io.IOException {
        List<Long> ids = new ArrayList<>();
        for (String line : Files.readAllLines(printed, StandardCharsets.UTF_8)) {
            // A line cut short by the kill ("committed 4" of "committed 45") names an id printed
            // in full before it, so it cannot fake a lost click.
            if (line.startsWith("committed ") && line.length() > "committed ".length()) {
                ids.add(Long.parseLong(line.substring("committed ".length()).strip()));
            }
        }
        return ids;
    }

    private static Set<Long> write(FeedbackStore store, long rec, int n, CountDownLatch start)
            throws InterruptedException {
        start.await();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Verdict verdict = i % 10 == 0 ? Verdict.NOT_ANOMALY : Verdict.REJECT;
            ids.add(store.addFeedback(rec, verdict, null, ThresholdPolicy.DEFAULT).entry().id());
        }
        return ids;
    }
}
