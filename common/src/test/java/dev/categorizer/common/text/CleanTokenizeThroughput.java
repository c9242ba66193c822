package dev.categorizer.common.text;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Video;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * A quick, manual throughput check of clean + tokenize (not a test, not a JMH benchmark: a rough number).
 * Runs on one thread over the title + description of a JSON-lines file, several rounds, and prints the best
 * round's tokens/s (tokens = words as SIMPLE finds them) for {@link TextCleaner} alone, with each tokenizer,
 * with OpenNLP's own SimpleTokenizer for comparison, and for the whole default {@link TextPipeline}.
 *
 * <pre>
 * java -cp common/target-common/classes:common/target-common/test-classes:$(deps) \
 *     dev.categorizer.common.text.CleanTokenizeThroughput ../shared/data/reuters21578-modapte/train.jsonl
 * </pre>
 */
public final class CleanTokenizeThroughput {

    public static void main(String[] args) throws Exception {
        List<Video> videos = JsonLinesFiles.readVideos(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> texts = new ArrayList<>();
        long chars = 0;
        for (Video v : videos) {
            texts.add(v.title());
            texts.add(v.description());
            chars += v.title().length() + v.description().length();
        }
        System.out.printf("%d documents, %d chars%n", videos.size(), chars);
        TextCleaner cleaner = new TextCleaner();
        Tokenizer simple = Tokenizer.of(TokenizerKind.SIMPLE);
        Tokenizer model = Tokenizer.of(TokenizerKind.MODEL);
        Tokenizer openNlpSimple = text -> {
            List<String> out = new ArrayList<>();
            for (String t : SimpleTokenizer.INSTANCE.tokenize(text)) {
                if (Letters.hasLetter(t)) {
                    out.add(t);
                }
            }
            return out;
        };
        TextPipeline pipeline = new TextPipeline(TextConfig.defaults());
        Map<String, Work> work = new LinkedHashMap<>();
        work.put("clean only", t -> cleaner.clean(t).length());
        work.put("clean + SIMPLE", t -> simple.tokenize(cleaner.clean(t)).size());
        work.put("clean + OpenNLP SimpleTokenizer", t -> openNlpSimple.tokenize(cleaner.clean(t)).size());
        work.put("clean + MODEL", t -> model.tokenize(cleaner.clean(t)).size());
        work.put("TextPipeline.features (defaults)", t -> pipeline.features(Video.unlabelled("x", "", t, List.of())).size());
        long tokens = 0; // throughput is always in input tokens, as SIMPLE counts them
        for (String text : texts) {
            tokens += simple.tokenize(cleaner.clean(text)).size();
        }
        // Best of the rounds: the machine is shared, the fastest round is the least disturbed one.
        for (Map.Entry<String, Work> entry : work.entrySet()) {
            int n = entry.getKey().contains("MODEL") ? Math.min(rounds, 3) : rounds;
            double best = Double.MAX_VALUE;
            long sink = 0; // consumed so the JIT cannot drop the work
            for (int round = 0; round < n; round++) {
                long start = System.nanoTime();
                for (String text : texts) {
                    sink += entry.getValue().run(text);
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            if (sink == 42) {
                System.out.print("");
            }
            System.out.printf("%-34s %,12d tokens  best %7.3f s  %,14.0f tokens/s%n", entry.getKey(), tokens, best,
                    tokens / best);
        }
    }

    interface Work {
        int run(String text);
    }
}
