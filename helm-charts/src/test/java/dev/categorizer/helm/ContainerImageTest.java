package dev.categorizer.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.categorizer.cli.CategorizerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
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
