package com.analyticscopilot.cli;

import picocli.CommandLine;

/** The product version from the jar's manifest; "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CopilotCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Analytics Copilot " + (version == null ? "development" : version)};
    }
}
