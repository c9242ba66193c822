package dev.categorizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job after job on one real TaskManager: a standalone cluster of separate JobManager and TaskManager processes,
 * assembled from Flink's Maven artifacts, with TensorFlow's jars in {@code lib/} and the configuration the README's
 * "Submit to an existing Flink cluster" gives, and the job jar submitted with Flink's own client. {@code train},
 * {@code train} again, {@code score}, {@code evaluate} and a SQL query with {@code CATEGORIZE} each succeed with
 * their result checked, the TaskManager is the same process throughout, and the JavaCPP cache holds one copy of
 * TensorFlow's native library. (With TensorFlow in the job jar instead, each job's class loader loaded the native
 * library again and the second TensorFlow job aborted the TaskManager.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterITCase {
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
    private static final String MAIN = "dev.categorizer.cli.CategorizerCli";

    @TempDir
    static Path home;

    static StandaloneCluster cluster;
    static long taskManagerPid;
    static Path jobJar;
    static Path sample;

    @BeforeAll
    static void startCluster() throws Exception {
        jobJar = Path.of(System.getProperty("categorizer.job.jar"));
        sample = Path.of(System.getProperty("categorizer.sample"));
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        Files.createDirectories(home.resolve("models"));
        // Configured with docker/flink-config.yaml, as the README's "Submit to an existing Flink cluster" says,
        // and nothing more; only its /tmp paths move into this test's own directory.
        StandaloneCluster.Builder builder = StandaloneCluster.builder(home)
                .lib(Path.of(System.getProperty("categorizer.flink.lib")))
                .lib(Path.of(System.getProperty("categorizer.tensorflow.lib")));
        ClusterConfigFile.read(Path.of(System.getProperty("categorizer.cluster.config")))
                .forEach((key, value) -> builder.config(key, value.replace("/tmp", tmp.toString())));
        cluster = builder
                .config("categorizer.model.roots", home.resolve("models").toString())
                .start();
        taskManagerPid = cluster.taskManager().pid();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) cluster.close();
    }

    @Test
    @Order(1)
    void trainsAModel() throws Exception {
        StandaloneCluster.Run run = run("train", "--train", sample.resolve("train.jsonl").toString(),
                "--model", home.resolve("models/first").toString(), "--epochs", "3");
        assertThat(Files.exists(home.resolve("models/first/CURRENT"))).as("the published model").isTrue();
        assertThat(run.output()).as("training progress on the client").containsPattern("(?m)^epoch 1  loss \\d");
    }

    @Test
    @Order(2)
    void trainsAgainOnTheSameTaskManager() throws Exception {
        run("train", "--train", sample.resolve("train.jsonl").toString(),
                "--model", home.resolve("models/second").toString(), "--epochs", "3", "--seed", "2");
        assertThat(Files.exists(home.resolve("models/second/CURRENT"))).isTrue();
    }

    @Test
    @Order(3)
    void scoresFiles() throws Exception {
        Path out = home.resolve("predictions");
        StandaloneCluster.Run run = run("score", "--model", home.resolve("models/first").toString(),
                "--input", sample.resolve("test.jsonl").toString(), "--output", out.toString(),
                "--dead-letter", home.resolve("dead").toString());
        long inputs = Files.readAllLines(sample.resolve("test.jsonl")).stream().filter(l -> !l.isBlank()).count();
        assertThat(lines(out)).as("a prediction per test video").hasSize((int) inputs);
        assertThat(run.output()).contains("scored " + inputs);
    }

    @Test
    @Order(4)
    void evaluatesTheOtherModel() throws Exception {
        StandaloneCluster.Run run = run("evaluate", "--model", home.resolve("models/second").toString(),
                "--test", sample.resolve("test.jsonl").toString());
        assertThat(run.output()).containsIgnoringCase("micro").containsPattern("0\\.\\d{2,}");
    }

    @Test
    @Order(5)
    void runsASqlQueryWithTheFunction() throws Exception {
        // The README's script: the function runs in the TaskManager, on every video of a file table.
        StandaloneCluster.Run run = run("sql", "--model-root", home.resolve("models").toString(),
                "--file", System.getProperty("categorizer.sql.scripts") + "/count-by-category.sql",
                "-D", "MODEL_PATH=" + home.resolve("models/first"), "-D", "DATA_DIR=" + sample.resolve("test.jsonl"));
        long inputs = Files.readAllLines(sample.resolve("test.jsonl")).stream().filter(l -> !l.isBlank()).count();
        assertThat(run.output()).as("the count of videos categorized").containsPattern("\\|\\s+" + inputs + "\\s+\\|");
    }

    @Test
    @Order(6)
    void theJavaCppCacheHoldsOneCopyOfTensorFlow() throws Exception {
        try (Stream<Path> files = Files.walk(home.resolve("tmp/javacpp"))) {
            List<Path> copies = files.filter(f -> f.getFileName().toString().startsWith("libtensorflow_cc.so"))
                    .filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList();
            assertThat(copies).as("copies of TensorFlow's native library in the JavaCPP cache").hasSize(1);
        }
    }

    /** Submits {@code categorizer ARGS} with Flink's client; the job must succeed and the TaskManager live on. */
    private static StandaloneCluster.Run run(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "-c";
        command[1] = MAIN;
        command[2] = jobJar.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        StandaloneCluster.Run run = cluster.flinkRun(JOB_TIMEOUT, command);
        System.out.println("flink run ... " + String.join(" ", args) + "\n" + run.output());
        assertThat(run.exitCode()).as("exit code of %s:%n%s%n%s", args[0], run.output(), cluster.taskManagerLogs())
                .isZero();
        assertThat(cluster.taskManager().isAlive()).as("the TaskManager after %s:%n%s", args[0],
                cluster.taskManagerLogs()).isTrue();
        assertThat(cluster.taskManager().pid()).isEqualTo(taskManagerPid);
        return run;
    }

    private static List<String> lines(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> parts = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).toList();
            List<String> all = new java.util.ArrayList<>();
            for (Path p : parts) {
                Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(all::add);
            }
            return all;
        }
    }
}
