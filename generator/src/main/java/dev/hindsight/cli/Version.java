package dev.hindsight.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by Maven), "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"hindsight " + (version == null ? "development" : version)};
    }
}
