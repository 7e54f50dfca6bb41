package com.analyticscopilot.app.service;

/**
 * Shows a failure to the user. View models report through it and never build dialogs; the
 * workbench shows a dialog, a test records what would have been shown.
 */
@FunctionalInterface
public interface ErrorPresenter {

    void show(ErrorReport report);
}
