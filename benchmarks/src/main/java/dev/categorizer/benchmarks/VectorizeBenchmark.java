package dev.categorizer.benchmarks;

import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.common.vocab.TermCount;
import dev.categorizer.common.vocab.Vectorizer;
import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.common.vocab.VocabularySelector;
import dev.categorizer.common.vocab.Weighting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Turning documents into TF-IDF vectors, in documents per second, one thread: from a list of features already
 * extracted ({@link #vectorize}), and from the video itself through the scoring path, whose features are looked up
 * as ranges of the cleaned text without a string each ({@link #vectorizeVideo}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class VectorizeBenchmark {
    private List<List<String>> documents;
    private List<Video> videos;
    private TextPipeline pipeline;
    private Vectorizer vectorizer;
    private int next;

    @Setup
    public void prepare() {
        pipeline = new TextPipeline(TextConfig.defaults());
        documents = new ArrayList<>();
        videos = Corpus.load();
        Map<String, Long> df = new HashMap<>();
        for (Video v : videos) {
            List<String> features = pipeline.features(v);
            documents.add(features);
            for (String f : new HashSet<>(features)) df.merge(f, 1L, Long::sum);
        }
        List<TermCount> counts = new ArrayList<>();
        df.forEach((t, c) -> counts.add(new TermCount(t, c)));
        Vocabulary vocabulary = VocabularySelector.builder().minDocumentFrequency(2).build()
                .select(counts, documents.size());
        vectorizer = new Vectorizer(vocabulary, Weighting.TFIDF);
    }

    @Benchmark
    public Object vectorize() {
        List<String> features = documents.get(next);
        next = next + 1 == documents.size() ? 0 : next + 1;
        return vectorizer.vectorize(features);
    }

    @Benchmark
    public Object vectorizeVideo() {
        Video video = videos.get(next);
        next = next + 1 == videos.size() ? 0 : next + 1;
        return vectorizer.vectorize(pipeline, video);
    }
}
