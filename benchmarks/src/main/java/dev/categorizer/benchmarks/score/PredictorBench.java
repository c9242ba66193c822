package dev.categorizer.benchmarks.score;

import dev.categorizer.common.record.Video;
import dev.categorizer.model.predict.Predictor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The model without Flink: {@link Predictor#predict} over the documents in batches, on one thread, after one
 * warm-up pass. The reference for what the Flink job adds.
 */
public final class PredictorBench {

    private PredictorBench() {}

    public static BenchResult run(Path bundle, List<Video> videos, int batchSize) {
        try (Predictor predictor = Predictor.load(bundle)) {
            predictor.predict(videos.subList(0, Math.min(batchSize, videos.size()))); // warm-up
            int batches = (videos.size() + batchSize - 1) / batchSize;
            long[] batchNanos = new long[batches];
            long start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                long t = System.nanoTime();
                predictor.predict(videos.subList(b * batchSize, Math.min(videos.size(), (b + 1) * batchSize)));
                batchNanos[b] = System.nanoTime() - t;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(batchNanos);
            return new BenchResult("predictor in-process, no Flink", videos.size(), 1, batchSize, seconds,
                    quantile(batchNanos, 0.50) / 1e6, quantile(batchNanos, 0.99) / 1e6,
                    "latency = one predict() call (vectorize + TF + thresholds) per batch");
        }
    }

    private static double quantile(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
