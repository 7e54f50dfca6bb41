package com.analyticscopilot.agent;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A child process for {@link FeedbackStoreCrashTest}: stores clicks in a loop, printing each
 * click's id only after its transaction committed, until it is killed.
 * Arguments: the database file, then how many clicks at most.
 */
public final class FeedbackWriterMain {

    private FeedbackWriterMain() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        int clicks = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        try (FeedbackStore store = FeedbackStore.open(db)) {
            long rec = store.saveRecommendation("shop-01/2026-03-02T00:00", "shop-01",
                    "traffic-loss", "Traffic loss", "check-tracking", "Check the tag",
                    java.util.List.of("sessions"));
            out.println("ready");
            out.flush();
            for (int i = 0; i < clicks; i++) {
                Verdict verdict = i % 2 == 0 ? Verdict.REJECT : Verdict.ACCEPT;
                long id = store.addFeedback(rec, verdict, "click " + i, ThresholdPolicy.DEFAULT)
                        .entry().id();
                out.println("committed " + id);
                out.flush();
            }
        }
    }
}
