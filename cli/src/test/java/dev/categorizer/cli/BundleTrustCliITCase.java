package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.testutil.PlantedBundles;
import dev.categorizer.model.testutil.PlantedBundles.Plant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle is someone else's file, a SQL query someone else's text: through the command line as users run it,
 * planted bundles are refused before anything runs, signatures decide which bundles load, and SQL reads models
 * under its roots only.
 */
class BundleTrustCliITCase {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path tmp;

    private static final String CREATE =
            "CREATE TEMPORARY FUNCTION categorize AS 'dev.categorizer.sql.function.CategorizeFunction'; ";

    private record Run(int code, String out) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int code;
        System.setOut(both);
        System.setErr(both);
        try {
            code = CategorizerCli.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        out.print(text);
        return new Run(code, text);
    }

    private static Path sample(String name) {
        return Path.of("../data/sample").resolve(name);
    }

    private static long filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && Files.isReadable(p)).filter(p -> {
                try {
                    return Files.size(p) > 0;
                } catch (IOException e) {
                    return false;
                }
            }).count();
        }
    }

    @Test
    void scoreRefusesAPlantedBundleBeforeAnythingRunsAndDeadLettersNothing() throws IOException {
        Path marker = tmp.resolve("planted-effect");
        Path planted = PlantedBundles.plant(tmp.resolve("planted"), Plant.WRITE_FILE, marker);
        Run run = cli("score", "--model", planted.toString(), "--input", sample("test.jsonl").toString(),
                "--output", tmp.resolve("out").toString(), "--dead-letter", tmp.resolve("dead").toString());
        assertThat(run.code()).isNotZero();
        assertThat(run.out()).contains("saved_model.pb: refused: operations 'ReadFile', 'WriteFile'");
        assertThat(marker).doesNotExist();
        assertThat(filesUnder(tmp.resolve("dead"))).as("nothing dead-lettered").isZero();
        assertThat(filesUnder(tmp.resolve("out"))).as("nothing scored").isZero();
    }

    @Test
    void sqlRefusesAPlantedBundleAndAModelOutsideItsRoots() throws IOException {
        Path marker = tmp.resolve("planted-effect");
        Path planted = PlantedBundles.plant(tmp.resolve("models/planted"), Plant.PRINT_TO_FILE, marker);
        Run refused = cli("sql", "--model-root", tmp.resolve("models").toString(), "-e",
                CREATE + "SELECT CATEGORIZE('" + planted + "', 'a title', 'a description', ARRAY['tag'])");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.out()).contains("refused: operations 'PrintV2', 'ReadFile'");
        assertThat(marker).doesNotExist();

        Path elsewhere = PlantedBundles.copyResource("/bundles/format-2", tmp.resolve("elsewhere/model"));
        Run outside = cli("sql", "--model-root", tmp.resolve("models").toString(), "-e",
                CREATE + "SELECT CATEGORIZE('" + elsewhere + "', 'a title', 'a description', ARRAY['tag'])");
        assertThat(outside.code()).isNotZero();
        assertThat(outside.out()).contains("is not under a model root");
        Run escape = cli("sql", "--model-root", tmp.resolve("models").toString(), "-e",
                CREATE + "SELECT CATEGORIZE('" + tmp.resolve("models") + "/../elsewhere/model', 'a', 'b', ARRAY['c'])");
        assertThat(escape.out()).contains("contains '..'");
    }

    @Test
    void aSignedModelScoresWhenItsKeyIsTrustedAndIsRefusedOtherwise() throws IOException {
        Path key = tmp.resolve("release.pem");
        Path pub = tmp.resolve("release.pub");
        assertThat(cli("keygen", "--private-key", key.toString(), "--public-key", pub.toString()).code()).isZero();
        assertThat(cli("keygen", "--private-key", tmp.resolve("other.pem").toString(), "--public-key",
                tmp.resolve("other.pub").toString()).code()).isZero();
        Path model = tmp.resolve("models/films");
        Run train = cli("train", "--train", sample("train.jsonl").toString(), "--model", model.toString(),
                "--max-vocabulary", "800", "--hidden", "8", "--epochs", "2", "--no-refit", "--sign-key", key.toString(),
                "--work-dir", tmp.resolve("work").toString());
        assertThat(train.code()).isZero();
        assertThat(model.resolve("CURRENT")).exists();
        Path version = model.resolve("versions").resolve(Files.readString(model.resolve("CURRENT")).trim());
        assertThat(version.resolve(ModelBundle.SIGNATURE)).exists();

        Run trusted = cli("score", "--model", model.toString(), "--input", sample("test.jsonl").toString(),
                "--output", tmp.resolve("out").toString(), "--trusted-key", pub.toString());
        assertThat(trusted.code()).isZero();
        assertThat(trusted.out()).containsPattern("read \\d+, scored \\d+");

        Run wrongKey = cli("score", "--model", model.toString(), "--input", sample("test.jsonl").toString(),
                "--output", tmp.resolve("out2").toString(), "--trusted-key", tmp.resolve("other.pub").toString());
        assertThat(wrongKey.code()).isNotZero();
        assertThat(wrongKey.out()).contains("signed by another key");
        assertThat(filesUnder(tmp.resolve("out2"))).isZero();

        Path unsigned = PlantedBundles.copyResource("/bundles/format-2", tmp.resolve("unsigned"));
        Run unsignedRun = cli("evaluate", "--model", unsigned.toString(), "--test", sample("test.jsonl").toString(),
                "--trusted-key", pub.toString());
        assertThat(unsignedRun.code()).isNotZero();
        assertThat(unsignedRun.out()).contains("the bundle is not signed");
    }
}
