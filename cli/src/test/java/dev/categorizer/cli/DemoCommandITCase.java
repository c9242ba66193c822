package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The demo runs end to end from the command line: trains, evaluates and shows predictions. */
class DemoCommandITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path tmp;

    @Test
    void trainsEvaluatesAndShowsPredictions() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            code = CategorizerCli.run("demo", "--work-dir", tmp.toString(), "--epochs", "3", "--hidden", "64",
                    "--examples", "4");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);

        assertThat(code).isZero();
        assertThat(out).contains("labels           34:", "micro F1", "A few test films:");
        assertThat(out.lines().filter(l -> l.trim().startsWith("predicted:"))).hasSize(4);
        assertThat(out.lines().filter(l -> l.trim().startsWith("true:"))).hasSize(4);
        assertThat(Files.exists(tmp.resolve("model").resolve("CURRENT"))).isTrue();
        assertThat(dev.categorizer.model.bundle.ModelBundle.read(tmp.resolve("model")).manifest().labels()).hasSize(34);
    }
}
