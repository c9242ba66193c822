package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.testutil.BadRecordCorpus;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.jobs.testutil.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of about 1,000 hostile records of 28 kinds, plus a 200 MB line with no newline, through
 * {@code categorizer score} as a user runs it, in its own JVM with a small heap: the command exits 0, every record
 * read is scored or dead-lettered (read = scored + dead-lettered, and the files agree), every dead letter says why,
 * and duplicate ids are scored once per record (the contract: no deduplication).
 */
class BadInputScoreITCase {
    private static final Pattern SUMMARY = Pattern.compile("read (\\d+), scored (\\d+), dead-lettered (\\d+)");

    @TempDir
    Path tmp;

    @Test
    void everyHostileRecordIsScoredOrDeadLetteredWithItsReasonOnASmallHeap() throws Exception {
        Path model = ModelFixture.tinyModel();
        List<Video> sample = ModelFixture.sampleTest(60);
        VideoJsonCodec codec = new VideoJsonCodec();
        List<String> good = sample.stream().map(codec::encode).toList();
        BadRecordCorpus corpus = BadRecordCorpus.generate(good, 7).withHugeLastLine();
        corpus.write(tmp.resolve("input/part-0.jsonl"));
        assertThat(corpus.records()).isGreaterThanOrEqualTo(1000);
        assertThat(corpus.kinds()).hasSizeGreaterThanOrEqualTo(25);

        Path out = tmp.resolve("out");
        Path dead = tmp.resolve("dead");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Dorg.bytedeco.javacpp.maxBytes=0",
                "-cp", System.getProperty("java.class.path"), CategorizerCli.class.getName(),
                "score", "--model", model.toString(), "--input", tmp.resolve("input").toString(),
                "--output", out.toString(), "--dead-letter", dead.toString(), "--parallelism", "1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("score.log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("score finished").isTrue();
        String log = Files.readString(tmp.resolve("score.log"), StandardCharsets.UTF_8);
        System.out.println(log.lines().filter(l -> !l.contains(" INFO ")).collect(Collectors.joining("\n")));

        assertThat(process.exitValue()).as("exit code").isZero();
        assertThat(log).doesNotContain("OutOfMemoryError");
        Matcher summary = SUMMARY.matcher(log);
        assertThat(summary.find()).as("the summary line").isTrue();
        long read = Long.parseLong(summary.group(1));
        long scored = Long.parseLong(summary.group(2));
        long deadLettered = Long.parseLong(summary.group(3));
        assertThat(read).isEqualTo(corpus.records());
        assertThat(scored + deadLettered).isEqualTo(read);

        List<Prediction> predictions = OutputFiles.jsonPredictions(out);
        List<DeadLetter> deadLetters = OutputFiles.deadLetters(dead);
        assertThat(predictions).hasSize((int) scored);
        assertThat(deadLetters).hasSize((int) deadLettered);
        assertThat(deadLetters).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
        assertThat(scored).as("the good records at least").isGreaterThanOrEqualTo(good.size() - 3 + 30);

        // Duplicate ids: one prediction per record, no deduplication.
        Map<String, Long> byId = predictions.stream().collect(Collectors.groupingBy(Prediction::id, Collectors.counting()));
        for (Video duplicated : sample.subList(0, 3)) {
            assertThat(byId.get(duplicated.id())).as("predictions of %s", duplicated.id()).isEqualTo(10L);
        }
    }
}
