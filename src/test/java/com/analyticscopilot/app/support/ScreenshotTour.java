package com.analyticscopilot.app.support;

import com.analyticscopilot.app.WorkbenchApp;
import com.analyticscopilot.app.viewmodel.SiteRow;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.util.function.BooleanSupplier;

/**
 * Drives the real application to the states the README shows, for screenshots taken from
 * outside with {@code import -window root} (see docs/benchmarks.md). Prints
 * {@code SHOT main} and {@code SHOT training} when each state is on screen and holds it for
 * {@value #HOLD_SECONDS} seconds. Not a test.
 */
public final class ScreenshotTour {

    private static final int HOLD_SECONDS = 8;

    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The real application, steered through its own widgets. */
    public static final class App extends WorkbenchApp {

        @Override
        public void start(Stage stage) {
            super.start(stage);
            Scene scene = stage.getScene();
            waitFor(() -> {
                ListView<?> sites = (ListView<?>) scene.lookup("#siteList");
                boolean idle = !scene.lookup("#busyIndicator").isVisible();
                boolean modelIn = !Boolean.getBoolean("tour.waitForModel")
                        || !((javafx.scene.control.Label) scene.lookup("#modelLabel")).getText()
                                .contains("STL only");
                return sites != null && !sites.getItems().isEmpty() && !scene.getRoot().lookupAll(
                        ".kpi-chart").isEmpty()
                        && idle && modelIn;
            }, () -> {
                ListView<?> sites = (ListView<?>) scene.lookup("#siteList");
                int pick = Integer.getInteger("tour.site", 0);
                String name = System.getProperty("tour.siteName");
                for (int i = 0; name != null && i < sites.getItems().size(); i++) {
                    if (sites.getItems().get(i) instanceof SiteRow row && row.site().equals(name)) {
                        pick = i;
                    }
                }
                sites.getSelectionModel().select(pick);
                sites.scrollTo(pick);
                later(2, () -> {
                    int row = Integer.getInteger("tour.eventRow", -1);
                    if (row >= 0) {
                        ((javafx.scene.control.TableView<?>) scene.lookup("#anomalyTable"))
                                .getSelectionModel().select(row);
                    }
                });
                later(3, () -> {
                    System.out.println("SHOT main");
                    later(HOLD_SECONDS, () -> training(scene));
                });
            });
        }

        private void training(Scene scene) {
            ((TabPane) scene.lookup("#sideTabs")).getSelectionModel().select(1);

            // Fine-tuning one site shows epochs within seconds; pretraining all 50 takes minutes.
            String run = System.getProperty("tour.run", "fineTune");
            Button start = (Button) scene.lookup("#" + run + "Button");
            waitFor(() -> !start.isDisabled(), () -> {
                start.fire();
                showTraining(scene);
            });
        }

        private void showTraining(Scene scene) {
            waitFor(() -> {
                LineChart<?, ?> loss = (LineChart<?, ?>) scene.lookup("#lossChart");
                ProgressBar bar = (ProgressBar) scene.lookup("#progressBar");
                return loss.getData().get(0).getData().size() >= Integer.getInteger("tour.epochs",
                        3)
                        && bar.getProgress() > 0;
            }, () -> {
                System.out.println("SHOT training");
                later(HOLD_SECONDS, () -> {
                    ((Button) scene.lookup("#cancelButton")).fire();
                    later(2, Platform::exit);
                });
            });
        }

        private static void later(double seconds, Runnable action) {
            PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
            pause.setOnFinished(e -> action.run());
            pause.play();
        }

        private static void waitFor(BooleanSupplier condition, Runnable then) {
            if (condition.getAsBoolean()) {
                then.run();
            } else {
                later(0.5, () -> waitFor(condition, then));
            }
        }
    }
}
