package io.camrig.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (or "development" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CamrigCommand.class.getPackage().getImplementationVersion();
        return new String[] {"camrig " + (v == null ? "development" : v)};
    }
}
