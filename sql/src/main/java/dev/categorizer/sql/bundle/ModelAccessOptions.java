package dev.categorizer.sql.bundle;

import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * The Flink configuration keys that say which model bundles a job may load. They are read from the cluster's
 * configuration file (or set by the {@code categorizer} command line for an embedded cluster), never from a SQL
 * session: a SQL user's {@code SET} cannot widen them.
 *
 * <pre>{@code
 * # config.yaml of the cluster
 * categorizer.model.roots: s3://models/;/opt/models
 * categorizer.model.trusted-keys: /etc/categorizer/release.pub
 * }</pre>
 */
public final class ModelAccessOptions {
    private ModelAccessOptions() {}

    public static final ConfigOption<List<String>> ROOTS = ConfigOptions.key("categorizer.model.roots")
            .stringType().asList().noDefaultValue()
            .withDescription("Directories (local paths or Flink file system URIs) under which SQL may load model "
                    + "bundles; none on a cluster unless set. The categorizer command line uses the current "
                    + "directory when unset.");

    public static final ConfigOption<List<String>> TRUSTED_KEYS = ConfigOptions.key("categorizer.model.trusted-keys")
            .stringType().asList().noDefaultValue()
            .withDescription("Ed25519 public key files (PEM); when set, only bundles signed by one of them load.");

    public static final ConfigOption<Integer> CACHE_SIZE = ConfigOptions.key("categorizer.model.cache-size")
            .intType().defaultValue(4)
            .withDescription("Most model bundles one SQL function instance keeps open; the least recently used "
                    + "is closed when another is needed.");
}
