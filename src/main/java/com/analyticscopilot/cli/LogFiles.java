package com.analyticscopilot.cli;

import com.analyticscopilot.data.UserFolder;

/** Where the log file is, to point a user at it. */
final class LogFiles {

    private LogFiles() {
    }

    static String describe() {
        return UserFolder.path().resolve("logs").resolve("copilot.log").toString();
    }
}
