package dev.categorizer.sql.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretValuesTest {

    @Test
    void redactsSecretOptionsAndKeepsTheOthers() {
        SecretValues secrets = new SecretValues();
        String sql = "CREATE TABLE t (x INT) WITH ('connector' = 'kafka', 'properties.sasl.jaas.config' = "
                + "'PlainLoginModule required password=\"hunter2\";', 'path' = 's3://b/t', 's3.secret-key'='abc''123')";
        secrets.learn(sql);

        assertThat(secrets.scrub(sql)).isEqualTo("CREATE TABLE t (x INT) WITH ('connector' = 'kafka', "
                + "'properties.sasl.jaas.config' = '******', 'path' = 's3://b/t', 's3.secret-key'='******')");
    }

    @Test
    void hidesKnownCredentialsQuotedWithoutTheirKey() {
        SecretValues secrets = new SecretValues();
        secrets.learn("SET 's3.secret-key' = 'abc''123'");
        secrets.learn("SET fs.s3a.secret.key = unquoted-secret");
        secrets.learn(Map.of("s3.access-key", "AKIAEXAMPLE", "parallelism.default", "4"));

        assertThat(secrets.scrub("Could not parse 'abc'123', abc''123, unquoted-secret or AKIAEXAMPLE; 4 tasks"))
                .isEqualTo("Could not parse '******', ******, ****** or ******; 4 tasks");
    }

    @Test
    void leavesVeryShortValuesToTheirKeys() {
        SecretValues secrets = new SecretValues();
        secrets.learn("SET 'token' = 'ab'");

        assertThat(secrets.scrub("a tab, 'token' = 'ab'")).isEqualTo("a tab, 'token' = '******'");
    }

    @Test
    void scrubsAWholeExceptionChainKeepingClassNamesAndStackTraces() {
        SecretValues secrets = new SecretValues();
        secrets.learn("SET 'password' = 'hunter22'");
        IllegalStateException root = new IllegalStateException("bad password hunter22");
        RuntimeException error = new RuntimeException("failed: 'password' = 'hunter22'", root);

        ScrubbedException copy = ScrubbedException.of(error, secrets::scrub);

        assertThat(copy.getMessage()).isEqualTo("failed: 'password' = '******'");
        assertThat(copy.getCause()).hasMessage("bad password ******")
                .hasToString("java.lang.IllegalStateException: bad password ******");
        assertThat(copy.getStackTrace()).isEqualTo(error.getStackTrace());
        assertThat(SqlScriptException.describe(copy)).doesNotContain("hunter22");
    }

    @Test
    void namesTheSecretKeysThatStatementsGiveAValue() {
        assertThat(SecretValues.secretKeys("SET 's3.secret-key' = 'x'; SET 'parallelism.default' = '2';"
                + " CREATE TABLE t (x INT) WITH ('properties.sasl.jaas.config' = 'y', 'path' = 'p');"
                + " SET fs.s3a.access.key = z"))
                .containsExactly("s3.secret-key", "properties.sasl.jaas.config", "fs.s3a.access.key");
        assertThat(SecretValues.secretKeys("SELECT 1; SET 'execution.runtime-mode' = 'batch'")).isEmpty();
    }
}
