package com.analyticscopilot.app;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Makes {@link FXMLLoader}s that share the UI text bundle and the controller factory, so every
 * view, included ones too, gets its text and its controller the same way.
 */
public final class FxmlLoaderFactory {

    private final ResourceBundle bundle;
    private final Callback<Class<?>, Object> controllers;

    public FxmlLoaderFactory(ResourceBundle bundle, Callback<Class<?>, Object> controllers) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.controllers = Objects.requireNonNull(controllers, "controllers");
    }

    /** A loader for one view, ready to {@code load()}. */
    public FXMLLoader loader(FxmlView view) {
        URL location = FxmlLoaderFactory.class.getResource(view.resource());
        if (location == null) {
            throw new IllegalStateException("FXML resource " + view.resource()
                    + " is not on the class path");
        }
        FXMLLoader loader = new FXMLLoader(location, bundle);
        loader.setControllerFactory(controllers);
        return loader;
    }

    /** Loads a view and returns its root and controller. */
    public <C> Loaded<C> load(FxmlView view) {
        FXMLLoader loader = loader(view);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            // Our own FXML is part of the program: failing to read it is a bug, not user input.
            throw new UncheckedIOException("Could not load " + view.resource(), e);
        }
    }

    /**
     * A loaded view.
     *
     * @param root       the root node
     * @param controller its controller
     * @param <C>        the controller's type
     */
    public record Loaded<C>(Parent root, C controller) {
    }
}
