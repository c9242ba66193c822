package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class EmbeddedClusterTest {

    @Test
    void aCommandRunOnItsOwnGetsAnEmbeddedClusterThatObtainsNoDelegationTokens() {
        assertThat(EmbeddedCluster.isEmbedded()).isTrue(); // no flink run here
        StreamExecutionEnvironment env = EmbeddedCluster.environment();

        assertThat(env).isInstanceOf(LocalStreamEnvironment.class);
        assertThat(env.getConfiguration().get(SecurityOptions.DELEGATION_TOKENS_ENABLED)).isFalse();
        // Flink's own default, which the embedded cluster overrides
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration()
                .get(SecurityOptions.DELEGATION_TOKENS_ENABLED)).isTrue();
    }

    @Test
    void theSettingsChangeNothingElse() {
        assertThat(EmbeddedCluster.settings().toMap()).containsOnlyKeys(SecurityOptions.DELEGATION_TOKENS_ENABLED.key());
    }
}
