package com.analyticscopilot;

import com.analyticscopilot.app.WorkbenchApp;
import com.analyticscopilot.cli.CopilotCommand;
import com.analyticscopilot.data.UserFolder;

/**
 * Entry point of {@code analytics-copilot.jar}: with no arguments it opens the workbench, with a
 * subcommand it runs headless. Deliberately not a JavaFX {@code Application}, so the jar starts
 * with JavaFX on the plain class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Logback reads the folder from this property; set it before the first logger exists.
        System.setProperty(UserFolder.PROPERTY, UserFolder.path().toString());
        if (args.length == 0) {
            WorkbenchApp.launchWorkbench(args);
        } else {
            System.exit(CopilotCommand.run(args));
        }
    }
}
