package dev.categorizer.cli;

import dev.categorizer.common.io.FileTrees;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, run headless to load a page and print the DOM after its scripts ran
 * ({@code --dump-dom}): enough to measure what a real browser laid out, with no WebDriver. A test that needs it
 * calls {@link #require()}, which skips the test (a JUnit assumption) when no browser is installed, and only then:
 * a browser that is there but fails fails the test. {@code .ci/run} installs Debian's {@code chromium}, so CI runs
 * it; {@code $CHROMIUM} names another binary.
 *
 * <pre>{@code
 * HeadlessChromium chromium = HeadlessChromium.require();
 * String dom = chromium.dumpDom(Path.of("report.html"));
 * }</pre>
 */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 180;

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, or a skipped test when there is none. */
    static HeadlessChromium require() {
        Optional<Path> found = find();
        Assumptions.assumeTrue(found.isPresent(),
                "no chromium on the PATH nor in $CHROMIUM (Debian: apt-get install chromium): browser test skipped");
        return new HeadlessChromium(found.get());
    }

    /** {@code $CHROMIUM}, or the first of chromium, chromium-browser, google-chrome on the PATH. */
    static Optional<Path> find() {
        String explicit = System.getenv("CHROMIUM");
        if (explicit != null && !explicit.isBlank()) return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Loads {@code page} from disk and returns the DOM as it is once the page's scripts ran. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("categorizer-chromium-");
        Path output = profile.resolve("dom.html");
        Path errors = profile.resolve("stderr.txt");
        try {
            // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start.
            Process process = new ProcessBuilder(executable.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                    "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
                    "--virtual-time-budget=10000", "--window-size=1280,2000", "--dump-dom",
                    page.toAbsolutePath().toUri().toString())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(executable + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(executable + " exited with " + process.exitValue() + ": " + tail(errors));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            FileTrees.deleteQuietly(profile);
        }
    }

    /** The last lines the browser printed on standard error: why it failed, among its usual noise. */
    private static String tail(Path errors) throws IOException {
        List<String> lines = Files.readAllLines(errors, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
