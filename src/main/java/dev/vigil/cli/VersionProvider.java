package dev.vigil.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest (or says "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (version == null ? "development" : version),
                "Java " + System.getProperty("java.version")};
    }
}
