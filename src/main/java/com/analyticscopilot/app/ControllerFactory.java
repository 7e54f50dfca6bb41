package com.analyticscopilot.app;

import javafx.util.Callback;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Creates FXML controllers with their view models and services passed to their constructors,
 * instead of letting {@code FXMLLoader} call a no-argument constructor. Every controller class
 * an FXML file names must be registered; a missing one is a programming error found at load.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

    /** Registers how to make controllers of {@code type}. */
    public <C> ControllerFactory register(Class<C> type, Supplier<? extends C> supplier) {
        suppliers.put(Objects.requireNonNull(type), Objects.requireNonNull(supplier));
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + "; register it in the ControllerFactory before loading its FXML");
        }
        return supplier.get();
    }
}
