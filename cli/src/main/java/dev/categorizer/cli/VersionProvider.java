package dev.categorizer.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = CategorizerCli.class.getPackage().getImplementationVersion();
        return new String[] {"categorizer " + (v == null ? "development" : v)};
    }
}
