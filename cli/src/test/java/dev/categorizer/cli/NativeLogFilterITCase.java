package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.jobs.testutil.ModelFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code categorizer} launcher keeps TensorFlow's native log lines out of the terminal: a command that runs
 * TensorFlow, in its own JVM, writes absl's lines to the process's standard error; the launcher's filter (its
 * {@code ABSL_INFO_LINE}, run here with {@code grep} as the script runs it) drops them and keeps every other line.
 */
class NativeLogFilterITCase {
    private static final Pattern FILTER = Pattern.compile("(?m)^ABSL_INFO_LINE='(.*)'$");

    @TempDir
    Path tmp;

    @Test
    void theLaunchersFilterDropsTensorFlowsNativeLinesAndKeepsTheRest() throws Exception {
        Path raw = tmp.resolve("stderr.raw");
        Process explain = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Dorg.bytedeco.javacpp.maxBytes=0",
                        "-cp", System.getProperty("java.class.path"), CategorizerCli.class.getName(),
                        "explain", "--model", ModelFixture.tinyModel().toString(), "--title", "a space adventure",
                        "--tags", "no-such-tag-anywhere")
                .redirectOutput(tmp.resolve("stdout").toFile())
                .redirectError(raw.toFile())
                .start();
        assertThat(explain.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String unfiltered = Files.readString(raw, StandardCharsets.UTF_8);
        // What the filter must remove is really there (else this test would prove nothing).
        assertThat(unfiltered).as("TensorFlow's native lines on standard error")
                .containsPattern("(?m)^I0000 .*\\.cc:\\d+\\] ");
        Files.writeString(raw, unfiltered + "13:00:00 a line of our own\nE0000 00:00:1.0  1 x.cc:1] a native error\n",
                StandardCharsets.UTF_8);

        Process grep = new ProcessBuilder("grep", "-v", "-E", launcherFilter(), raw.toString())
                .redirectErrorStream(true).start();
        String filtered = new String(grep.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        grep.waitFor();

        assertThat(filtered).doesNotContain("absl::InitializeLog").doesNotContainPattern("(?m)^[IW]\\d{4} ");
        assertThat(filtered).contains("13:00:00 a line of our own", "a native error");
        assertThat(filtered.lines().count()).isEqualTo(unfiltered.lines()
                .filter(l -> !l.contains("absl::InitializeLog") && !l.matches("^[IW]\\d{4} .*")).count() + 2);
    }

    /** The ERE the launcher script gives grep. */
    private static String launcherFilter() throws Exception {
        String script = Files.readString(ModelFixture.repoRoot().resolve("categorizer"), StandardCharsets.UTF_8);
        Matcher m = FILTER.matcher(script);
        assertThat(m.find()).as("ABSL_INFO_LINE in the launcher").isTrue();
        return m.group(1);
    }
}
