package com.analyticscopilot.app.service;

import java.nio.file.Path;

/**
 * Builds the services the workbench runs on from the other parts of the product.
 *
 * <p>Interim: the data, detection, forecast and agent parts are being merged one by one; a
 * service whose part is not there yet is {@link Unavailable} and says so when used.
 */
public final class DefaultServices {

    private DefaultServices() {
    }

    /** The real services, keeping their files (the feedback store) in {@code folder}. */
    public static AppServices create(Path folder) {
        Unavailable missing = new Unavailable();
        return new AppServices(new CsvDatasetService(), missing, missing, missing, missing, SampleData.standard());
    }
}
