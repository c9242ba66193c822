package dev.categorizer.benchmarks;

import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextCleaner;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.text.Tokenizer;
import dev.categorizer.common.text.TokenizerKind;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cleaning + tokenizing, and the whole feature pipeline, in input tokens per second (the {@code tokens} counter)
 * and documents per second (the primary score). One thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class TextPipelineBenchmark {
    private List<Video> corpus;
    private final TextCleaner cleaner = new TextCleaner();
    private final Tokenizer tokenizer = Tokenizer.of(TokenizerKind.SIMPLE);
    private final TextPipeline pipeline = new TextPipeline(TextConfig.defaults());
    private int next;

    @Setup
    public void load() {
        corpus = Corpus.load();
    }

    /** Counts the tokens of the documents processed, so JMH reports tokens per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Tokens {
        public long tokens;

        @Setup(Level.Iteration)
        public void reset() {
            tokens = 0;
        }
    }

    private Video nextDocument() {
        Video v = corpus.get(next);
        next = next + 1 == corpus.size() ? 0 : next + 1;
        return v;
    }

    @Benchmark
    public void cleanAndTokenize(Tokens counter, Blackhole bh) {
        Video v = nextDocument();
        List<String> title = tokenizer.tokenize(cleaner.clean(v.title()));
        List<String> description = tokenizer.tokenize(cleaner.clean(v.description()));
        counter.tokens += title.size() + description.size();
        bh.consume(title);
        bh.consume(description);
    }

    @Benchmark
    public void features(Tokens counter, Blackhole bh) {
        List<String> features = pipeline.features(nextDocument());
        counter.tokens += features.size();
        bh.consume(features);
    }
}
