package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.jobs.testutil.ModelFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bad invocation a new user tries gets one line on standard error that names the problem and what to do,
 * before any job starts, with picocli's exit codes: 2 for usage, 1 for failure. No stack trace, unless
 * {@code --verbose} asks for it.
 */
class CommandLineErrorsITCase {
    private static final int USAGE = 2;
    private static final int FAILURE = 1;

    @TempDir
    static Path tmp;

    static String model;
    static String sample;

    @BeforeAll
    static void files() throws Exception {
        model = ModelFixture.tinyModel().toString();
        sample = ModelFixture.sample("test.jsonl").toString();
        Files.writeString(tmp.resolve("a-file"), "not a directory");
    }

    @Test
    void aModelThatIsNotThere() {
        assertOneLine(FAILURE, "score: model bundle " + tmp.resolve("nonexistent") + " does not exist",
                "score", "--model", tmp.resolve("nonexistent").toString(), "--input", sample, "--output", out("a"));
    }

    @Test
    void aNegativeBatchSize() {
        assertOneLine(USAGE, "score: batch size must be > 0, got -5 (see categorizer score --help)",
                "score", "--model", model, "--input", sample, "--output", out("b"), "--batch-size", "-5");
    }

    @Test
    void anInputThatIsNotThere() {
        assertOneLine(FAILURE, "score: --input " + tmp.resolve("none.jsonl") + ": no such file or directory",
                "score", "--model", model, "--input", tmp.resolve("none.jsonl").toString(), "--output", out("c"));
        assertOneLine(FAILURE, "train: --train " + tmp.resolve("none.jsonl") + ": no such file or directory",
                "train", "--train", tmp.resolve("none.jsonl").toString(), "--model", out("m"));
    }

    @Test
    void anOutputThatCannotBeWritten() {
        String below = tmp.resolve("a-file/out").toString();
        assertOneLine(FAILURE, "score: --output " + below + ": cannot be created",
                "score", "--model", model, "--input", sample, "--output", below);
        assertOneLine(FAILURE, "score: --dead-letter " + below + ": cannot be created",
                "score", "--model", model, "--input", sample, "--output", out("d"), "--dead-letter", below);
        assertOneLine(FAILURE, "score: --output " + tmp.resolve("a-file") + ": is a file",
                "score", "--model", model, "--input", sample, "--output", tmp.resolve("a-file").toString());
        assertOneLine(FAILURE, "train: --model " + below + ": cannot be created",
                "train", "--train", sample, "--model", below);
    }

    @Test
    void optionsOutOfRangeOrMissing() {
        assertOneLine(USAGE, "train: epochs must be > 0, got 0 (see categorizer train --help)",
                "train", "--train", sample, "--model", out("e"), "--epochs", "0");
        assertOneLine(USAGE, "score: Missing required options: '--model=DIR', '--output=SINK'",
                "score", "--input", sample);
        assertOneLine(USAGE, "score: Unknown option: '--bogus'",
                "score", "--model", model, "--output", out("f"), "--bogus");
    }

    @Test
    void evaluateRefusesABaselineOrReportItCannotUseBeforeAnyJob() {
        assertOneLine(USAGE, "evaluate: --baseline is shown in the report: give --report DIR too",
                "evaluate", "--model", model, "--test", sample, "--baseline", model);
        assertOneLine(FAILURE, "evaluate: model bundle " + tmp.resolve("no-baseline") + " does not exist",
                "evaluate", "--model", model, "--test", sample, "--report", out("r"),
                "--baseline", tmp.resolve("no-baseline").toString());
        assertOneLine(FAILURE, "evaluate: --report " + tmp.resolve("a-file") + ": is a file",
                "evaluate", "--model", model, "--test", sample, "--report", tmp.resolve("a-file").toString());
        assertOneLine(FAILURE, "evaluate: --test " + tmp.resolve("none.jsonl") + ": no such file or directory",
                "evaluate", "--model", model, "--test", tmp.resolve("none.jsonl").toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Result run = run("score", "--verbose", "--model", model, "--input", tmp.resolve("none.jsonl").toString(),
                "--output", out("g"));
        assertThat(run.code).isEqualTo(FAILURE);
        assertThat(run.err.lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
                .startsWith("categorizer score: --input "));
        assertThat(run.err).contains("PreflightException", "\tat dev.categorizer.cli.Preflight.inputPresent");
    }

    private static String out(String name) {
        return tmp.resolve("out-" + name).toString();
    }

    private static void assertOneLine(int code, String startOfLine, String... args) {
        Result run = run(args);
        assertThat(run.code).as(run.err).isEqualTo(code);
        assertThat(run.err.lines().toList()).as("standard error").singleElement().asString()
                .startsWith("categorizer " + startOfLine);
        assertThat(run.out).as("standard output").isEmpty();
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = CategorizerCli.run(new ArrayList<>(List.of(args)).toArray(String[]::new));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
