package com.analyticscopilot.app.support;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Window;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The headless JavaFX platform for the workbench's UI tests: started once per test JVM through
 * TestFX (Monocle is selected by the pom's surefire arguments), plus small waiting helpers.
 */
public final class FxHarness {

    private FxHarness() {
    }

    /** Starts the FX platform if it is not running yet; later calls are cheap. */
    public static synchronized void start() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    /** Waits up to {@code seconds} for a condition checked on the FX thread. */
    public static void waitUntil(double seconds, String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Computes something on the FX thread and returns it. */
    public static <T> T onFx(Supplier<T> supplier) {
        try {
            return WaitForAsyncUtils.asyncFx(supplier::get).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    /** Runs something on the FX thread and waits for it. */
    public static void runFx(Runnable runnable) {
        onFx(() -> {
            runnable.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes every window except the primary stage, e.g. dialogs a test left open. */
    public static void closeOtherWindows() {
        runFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() != null
                        && w.getScene().getRoot().getStyleClass().contains("dialog-pane")) {
                    w.hide();
                }
            }
        });
    }

    /** All nodes of a style class in the open windows. */
    public static List<Node> nodes(String styleClass) {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> w.getScene().getRoot().lookupAll("." + styleClass).stream())
                        .toList());
    }

    /** Whether the FX platform is already running (for diagnostics). */
    public static boolean running() {
        return Platform.isFxApplicationThread() || FxToolkit.isFXApplicationThreadRunning();
    }
}
