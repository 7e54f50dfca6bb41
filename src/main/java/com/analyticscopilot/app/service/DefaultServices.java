package com.analyticscopilot.app.service;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds the services the workbench runs on from the other parts of the product.
 *
 * <p>Interim: the detection, forecast and agent parts are being merged one by one; a service
 * whose part is not there yet is {@link Unavailable} and says so when used.
 */
public final class DefaultServices {

    private DefaultServices() {
    }

    /**
     * The services and what went wrong building them.
     *
     * @param services the services; a part that failed to start is replaced by one that says so
     * @param problems what to tell the user once the window is up
     */
    public record Startup(AppServices services, List<ErrorReport> problems) {
    }

    /**
     * The real services, keeping their files (the feedback store) in {@code folder}. Opens the
     * feedback store: call it off the JavaFX thread.
     *
     * @param datasets the KPI file reader, e.g. a {@link PreloadingDatasetService}
     */
    public static Startup create(Path folder, DatasetService datasets) {
        Unavailable missing = new Unavailable();
        return new Startup(new AppServices(datasets, missing, missing, missing, missing,
                SampleData.standard()), List.of());
    }
}
