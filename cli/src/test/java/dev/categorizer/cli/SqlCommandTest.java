package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SqlCommandTest {

    @Test
    void refusesCredentialsOnTheCommandLineInOneLineWithoutEchoingThem() {
        String[][] refused = {
            {"sql", "-e", "SET 's3.secret-key' = 'hunter2'; SELECT 1"},
            {"sql", "-e", "CREATE TABLE t (x INT) WITH ('properties.sasl.jaas.config' = 'hunter2')"},
            {"sql", "-e", "SELECT '${S3_SECRET_KEY}'", "-D", "S3_SECRET_KEY=hunter2"},
        };
        for (String[] args : refused) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream original = System.err;
            int code;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                code = CategorizerCli.run(args);
            } finally {
                System.setErr(original);
            }
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(message).isEqualTo(2);
            assertThat(message).startsWith("categorizer sql: ").containsOnlyOnce("\n").contains("--file")
                    .doesNotContain("hunter2");
        }
    }
}
