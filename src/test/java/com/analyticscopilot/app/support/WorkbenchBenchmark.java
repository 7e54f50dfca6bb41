package com.analyticscopilot.app.support;

import com.analyticscopilot.app.WorkbenchApp;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures the real workbench as a user meets it (run by hand under a display; see
 * docs/benchmarks.md): the time from the window appearing to the first results drawn (site
 * list filled and KPI charts on screen), and the time from selecting a site in the list to the
 * next laid-out frame, over every site. Prints the figures; not a test.
 */
public final class WorkbenchBenchmark {

    private WorkbenchBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The real application, watched from outside. */
    public static final class App extends WorkbenchApp {

        /**
         * CPU time of the FX thread, besides wall time: on a shared machine the wall time also
         * counts the time other processes held the cores.
         */
        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();

        private long shownAt;
        private final List<Double> cpuMillis = new ArrayList<>();

        @Override
        public void start(Stage stage) {
            stage.showingProperty().addListener((obs, was, now) -> {
                if (now && shownAt == 0) {
                    shownAt = System.nanoTime();
                    watchForResults(stage);
                }
            });
            super.start(stage);
        }

        private void watchForResults(Stage stage) {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    Scene scene = stage.getScene();
                    ListView<?> sites = (ListView<?>) scene.lookup("#siteList");
                    boolean charts = !scene.getRoot().lookupAll(".kpi-chart").isEmpty();
                    if (sites != null && !sites.getItems().isEmpty() && charts) {
                        stop();
                        double millis = (System.nanoTime() - shownAt) / 1e6;
                        System.out.printf(Locale.ROOT,
                                "first results drawn %.0f ms after the window appeared%n", millis);
                        watchForModel(scene, sites);
                    }
                }
            }.start();
        }

        /**
         * When a shipped model loads, detection runs again with it; the switching is measured
         * after that, with nothing else running.
         */
        private void watchForModel(Scene scene, ListView<?> sites) {
            new AnimationTimer() {
                private final long since = System.nanoTime();

                @Override
                public void handle(long now) {
                    boolean busy = scene.lookup("#busyIndicator").isVisible();
                    String model = ((javafx.scene.control.Label) scene.lookup("#modelLabel"))
                            .getText();
                    boolean waited = System.nanoTime() - since > 3_000_000_000L;
                    if (!busy && (!model.contains("STL only") || waited)) {
                        stop();
                        System.out.printf(Locale.ROOT,
                                "results with the model (%s) drawn %.0f ms after the window"
                                        + " appeared%n",
                                model, (System.nanoTime() - shownAt) / 1e6);
                        Platform.runLater(() -> switchSites(scene, sites, 0, new ArrayList<>()));
                    }
                }
            }.start();
        }

        /** Selects site i, waits for the frame after it, then the next; prints the spread. */
        private void switchSites(Scene scene, ListView<?> sites, int i, List<Double> millis) {
            // Two passes: the first warms up the chart code paths, the second is measured.
            int n = sites.getItems().size();
            if (i == 2 * n) {
                double[] m = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(Locale.ROOT,
                        "site switch over %d sites: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        m.length, m[m.length / 2], m[(int) Math.floor(0.95 * (m.length - 1))],
                                m[m.length - 1]);
                System.out.println("all: " + Arrays.toString(m));
                double[] c = cpuMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf(Locale.ROOT,
                        "FX thread CPU per switch: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        c[c.length / 2], c[(int) Math.floor(0.95 * (c.length - 1))],
                                c[c.length - 1]);
                Platform.exit();
                return;
            }
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                if (i >= n) {
                    millis.add((System.nanoTime() - start) / 1e6);
                    cpuMillis.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
                }
                Platform.runLater(() -> switchSites(scene, sites, i + 1, millis));
            };
            scene.addPostLayoutPulseListener(listener[0]);
            sites.getSelectionModel().select(i % n);
            Platform.requestNextPulse();
        }
    }
}
