package dev.categorizer.cli;

import dev.categorizer.model.trust.TrustedKeys;
import dev.categorizer.sql.bundle.ModelAccessOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import picocli.CommandLine.Option;

/**
 * {@code --trusted-key FILE}: the public keys a bundle must be signed by, with those of the Flink configuration
 * ({@code categorizer.model.trusted-keys} in {@code $FLINK_CONF_DIR/config.yaml}). With none, unsigned bundles load.
 */
final class TrustOptions {
    @Option(names = "--trusted-key", paramLabel = "FILE",
            description = "Ed25519 public key (PEM) that a bundle must be signed by; repeatable. With one (here or "
                    + "as categorizer.model.trusted-keys in the Flink configuration) an unsigned bundle, a bad "
                    + "signature or a file the manifest does not list is refused.")
    List<Path> trustedKeys = new ArrayList<>();

    /** The keys of the options and of the Flink configuration file, if there is one. */
    TrustedKeys keys() {
        List<Path> files = new ArrayList<>(trustedKeys);
        flinkConfiguration().getOptional(ModelAccessOptions.TRUSTED_KEYS)
                .ifPresent(list -> list.forEach(f -> files.add(Path.of(f))));
        return TrustedKeys.read(files);
    }

    static Configuration flinkConfiguration() {
        return System.getenv("FLINK_CONF_DIR") == null ? new Configuration() : GlobalConfiguration.loadConfiguration();
    }
}
