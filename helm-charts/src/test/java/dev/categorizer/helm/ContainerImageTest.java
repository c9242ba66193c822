package dev.categorizer.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.categorizer.cli.CategorizerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docker/Dockerfile, the job jar and the chart agree on versions, paths and the entry class. */
class ContainerImageTest {

    private final Dockerfile dockerfile = Dockerfile.read();

    @Test
    void imageIsTheOfficialFlinkImageOfTheBuildsFlinkVersionOnJava17() {
        String flinkVersion = System.getProperty("categorizer.flink.version", "2.2.0");

        assertThat(dockerfile.argDefault("FLINK_IMAGE")).isEqualTo("flink:" + flinkVersion + "-java17");
        assertThat(dockerfile.starting("FROM")).containsExactly("FROM ${FLINK_IMAGE}");
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void chartStartsTheJarWhereTheDockerfilePutsIt(Variant variant) {
        RenderedChart chart = variant.render();

        assertThat(dockerfile.jobJarDestination()).startsWith("/opt/flink/usrlib/");
        assertThat(chart.jarPath()).isEqualTo(dockerfile.jobJarDestination());
        if (variant.mode().equals("score")) {
            assertThat(chart.spec().at("/job/jarURI").asString()).isEqualTo("local://" + dockerfile.jobJarDestination());
        }
        assertThat(dockerfile.argDefault("JOB_JAR")).isEqualTo("cli/target/categorizer-cli-*-flink.jar");
    }

    @Test
    void imageEnablesObjectStoragePluginsAndRunsAsTheFlinkUser() {
        String run = String.join("\n", dockerfile.starting("RUN"));

        assertThat(run).contains("s3-fs-hadoop", "gs-fs-hadoop", "plugins/${plugin}", "metrics-prometheus");
        List<String> users = dockerfile.starting("USER");
        assertThat(users.get(users.size() - 1)).isEqualTo("USER flink");
        assertThat(dockerfile.starting("COPY")).allMatch(c -> c.contains("--chown=flink:flink"));
    }

    @Test
    void chartAppVersionAndImageTagFollowTheProjectVersion() throws IOException {
        String chartYaml = Files.readString(RepoPaths.chart().resolve("Chart.yaml"));
        String image = Variant.DEFAULT.render().spec().path("image").asString();

        assertThat(chartYaml).contains("appVersion: \"" + RepoPaths.projectVersion() + "\"");
        assertThat(image).isEqualTo("categorizer:" + RepoPaths.projectVersion());
    }

    @Test
    void builtJobJarStartsTheEntryClassTheChartNames() throws IOException {
        Path jar = builtJobJar();
        assumeTrue(jar != null, "the shaded job jar is not built (run the cli module's package phase)");
        String entryClass = Variant.DEFAULT.render().entryClass();

        try (JarFile jarFile = new JarFile(jar.toFile())) {
            assertThat(jarFile.getEntry(entryClass.replace('.', '/') + ".class")).as("class in %s", jar).isNotNull();
            assertThat(jarFile.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(entryClass);
        }
        assertThat(entryClass).isEqualTo(CategorizerCli.class.getName());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void chartGivesTheClusterEveryKeyOfTheDocumentedFlinkConfig(Variant variant) {
        Map<String, String> documented = documentedClusterConfig();
        RenderedChart chart = variant.render();
        Map<String, String> conf = chart.flinkConfiguration();

        assertThat(documented).containsKeys("classloader.parent-first-patterns.additional", "env.java.opts.all",
                "io.tmp.dirs", "taskmanager.memory.task.off-heap.size", "taskmanager.memory.managed.fraction");
        documented.forEach((key, value) -> {
            switch (key) {
                // The container's memory is the TaskManager's resource; the chart may give more than the minimum.
                case "taskmanager.memory.process.size" -> assertThat(
                                MemorySize.parse(chart.spec().at("/taskManager/resource/memory").asString()).getBytes())
                        .isGreaterThanOrEqualTo(MemorySize.parse(value).getBytes());
                case "taskmanager.numberOfTaskSlots" -> assertThat(conf).containsKey(key);
                case "env.java.opts.all" -> assertThat(conf.get(key).split(" ")).contains(value.split(" "));
                default -> assertThat(conf).containsEntry(key, value);
            }
        });
    }

    @Test
    void imagePutsTheClusterLibJarsIntoFlinksLib() {
        assertThat(dockerfile.argDefault("FLINK_LIB")).isEqualTo("cli/target/flink-lib");
        assertThat(dockerfile.starting("COPY")).anyMatch(c -> c.endsWith("${FLINK_LIB}/*.jar /opt/flink/lib/"));
    }

    @Test
    void builtJobJarLeavesTensorFlowToTheClustersLib() throws IOException {
        Path jar = builtJobJar();
        assumeTrue(jar != null, "the shaded job jar is not built (run the cli module's package phase)");
        Path lib = jar.resolveSibling("flink-lib");

        try (JarFile jarFile = new JarFile(jar.toFile())) {
            assertThat(jarFile.stream().map(e -> e.getName()))
                    .as("TensorFlow, JavaCPP and protobuf classes in %s", jar)
                    .noneMatch(name -> name.startsWith("org/tensorflow/") || name.startsWith("org/bytedeco/")
                            || name.startsWith("com/google/protobuf/") || name.startsWith("dev/categorizer/tensorflow/"));
        }
        try (Stream<Path> jars = Files.list(lib)) {
            assertThat(jars.map(j -> j.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("tensorflow-core-api-"))
                    .anyMatch(n -> n.matches("tensorflow-core-native-.*-linux-x86_64\\.jar"))
                    .anyMatch(n -> n.startsWith("javacpp-"))
                    .anyMatch(n -> n.startsWith("protobuf-java-"))
                    .anyMatch(n -> n.startsWith("categorizer-tensorflow-support-"));
        }
    }

    /** docker/flink-config.yaml: the flat key: value lines the README tells a cluster to add. */
    private static Map<String, String> documentedClusterConfig() {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(RepoPaths.root().resolve("docker/flink-config.yaml"))) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                int colon = trimmed.indexOf(": ");
                entries.put(trimmed.substring(0, colon), trimmed.substring(colon + 2).strip());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return entries;
    }

    /** cli/&lt;build folder&gt;/categorizer-cli-&lt;version&gt;-flink.jar, or null if it is not there. */
    private static Path builtJobJar() throws IOException {
        Path jar = RepoPaths.cliBuildDir().resolve("categorizer-cli-" + RepoPaths.projectVersion() + "-flink.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path defaultTarget = RepoPaths.root().resolve("cli/target");
        if (!Files.isDirectory(defaultTarget)) {
            return null;
        }
        try (Stream<Path> files = Files.list(defaultTarget)) {
            return files.filter(f -> f.getFileName().toString().matches("categorizer-cli-.*-flink\\.jar"))
                    .findFirst()
                    .orElse(null);
        }
    }
}
