package dev.categorizer.cli;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.io.FileTrees;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.model.bundle.ModelBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An evaluation report written by {@code categorizer evaluate --report DIR --baseline DIR} on the tiny test model,
 * with a second tiny model as the baseline whose manifest has no training history (as bundles written before it
 * existed). Written once per JVM, in the cluster of the first test that asks, and deleted when the JVM exits.
 *
 * <pre>{@code
 * ReportFixture.Written report = ReportFixture.report();
 * String html = Files.readString(report.file());
 * }</pre>
 */
final class ReportFixture {

    /** The report file, the command's exit code and standard output, and the model bundle evaluated. */
    record Written(Path file, int exitCode, String stdout, Path model, Path baseline) {}

    private static Written written;

    private ReportFixture() {}

    static synchronized Written report() {
        if (written == null) {
            try {
                Path dir = Files.createTempDirectory("categorizer-report-test-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(dir)));
                written = write(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return written;
    }

    private static Written write(Path dir) throws IOException {
        Path model = ModelFixture.tinyModel();
        Path baseline = withoutTrainingHistory(ModelFixture.train(dir.resolve("baseline"), ModelFixture.sampleTrain(200)));
        Path test = dir.resolve("test.jsonl");
        JsonLinesFiles.writeVideos(ModelFixture.sampleTest(200), test);
        Path reportDir = dir.resolve("report");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = CategorizerCli.run("evaluate", "--model", model.toString(), "--test", test.toString(),
                    "--report", reportDir.toString(), "--baseline", baseline.toString(), "--parallelism", "2");
        } finally {
            System.setOut(stdout);
        }
        return new Written(reportDir.resolve(EvaluateCommand.REPORT_FILE), code,
                captured.toString(StandardCharsets.UTF_8), model, baseline);
    }

    /** Removes {@code training_history}, the manifest's last key, as in a bundle written before it existed. */
    private static Path withoutTrainingHistory(Path bundle) throws IOException {
        Path manifest = bundle.resolve(ModelBundle.MANIFEST);
        String json = Files.readString(manifest);
        int start = json.indexOf(",\n  \"training_history\"");
        if (start < 0) throw new IllegalStateException("no training_history in " + manifest);
        Files.writeString(manifest, json.substring(0, start) + "\n}\n");
        if (ModelBundle.read(bundle).manifest().trainingHistory() != null) throw new IllegalStateException("not removed");
        return bundle;
    }

    /** The data-chart names of every chart in {@code html}. */
    static List<String> chartNames(String html) {
        return java.util.regex.Pattern.compile("<svg [^>]*data-chart=\"([^\"]+)\"").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }
}
