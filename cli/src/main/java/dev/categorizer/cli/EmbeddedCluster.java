package dev.categorizer.cli;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The environment a command runs its job in: the submitting client's as it is under {@code flink run}, or, when the
 * command runs on its own, an embedded cluster with {@link #settings()}.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = EmbeddedCluster.environment();
 * }</pre>
 */
final class EmbeddedCluster {
    private EmbeddedCluster() {}

    /**
     * What an embedded cluster sets beside Flink's defaults. Delegation tokens are off: the cluster's tasks run in
     * this process, under the user's own login to Hadoop or HBase, so there is no task manager elsewhere to hand
     * tokens to, and obtaining none still asks every provider at start-up (about 0.2 s of each command on one core).
     */
    static Configuration settings() {
        Configuration settings = new Configuration();
        settings.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, false);
        return settings;
    }

    /** The Flink configuration a job of this command adds: {@link #settings()} if embedded, else none. */
    static Configuration configuration() {
        return isEmbedded() ? settings() : new Configuration();
    }

    /** The client's environment under {@code flink run}; else a local one with {@link #settings()}. */
    static StreamExecutionEnvironment environment() {
        return isEmbedded() ? StreamExecutionEnvironment.getExecutionEnvironment(settings())
                : StreamExecutionEnvironment.getExecutionEnvironment();
    }

    /** Whether a job started here runs on a cluster embedded in this process (not submitted with {@code flink run}). */
    static boolean isEmbedded() {
        return StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment;
    }
}
