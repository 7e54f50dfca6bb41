package com.analyticscopilot.data;

import java.nio.file.Path;

/**
 * Where Analytics Copilot keeps what it learns on a user's machine: the feedback database, the
 * user's playbook, preferences, trained models and logs. {@code ~/.analytics-copilot} unless the
 * system property {@code copilot.home} or the environment variable
 * {@code ANALYTICS_COPILOT_HOME} says otherwise (the property wins).
 */
public final class UserFolder {

    public static final String PROPERTY = "copilot.home";
    public static final String ENVIRONMENT = "ANALYTICS_COPILOT_HOME";

    private UserFolder() {
    }

    /** The folder; it may not exist yet. */
    public static Path path() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".analytics-copilot");
    }
}
