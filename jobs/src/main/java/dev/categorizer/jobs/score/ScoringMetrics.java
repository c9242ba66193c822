package dev.categorizer.jobs.score;

import org.apache.flink.api.common.accumulators.Histogram;
import org.apache.flink.api.common.accumulators.IntCounter;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * What the scoring operator counts: Flink metrics for dashboards (counters {@code videosRead},
 * {@code videosScored}, {@code videosDeadLettered}, {@code scoringBatches}, histogram
 * {@code scoringLatencyMicros}, gauge {@code lastBatchSize}) and the same as job accumulators, which a client
 * reads from the job result (tests, the benchmark).
 */
public final class ScoringMetrics {

    /** Accumulator names, readable from {@code JobExecutionResult.getAccumulatorResult}. */
    public static final String READ = "videosRead";
    public static final String SCORED = "videosScored";
    public static final String DEAD_LETTERED = "videosDeadLettered";
    public static final String BATCHES = "scoringBatches";
    public static final String MODEL_LOADS = "modelLoads";
    public static final String LATENCY_BUCKETS = "scoringLatencyBuckets";
    public static final String FIRST_ARRIVAL = "firstArrivalMillis";
    public static final String LAST_EMIT = "lastEmitMillis";

    private final Counter read;
    private final Counter scored;
    private final Counter deadLettered;
    private final Counter batches;
    private final DescriptiveStatisticsHistogram latency;
    private final LongCounter readTotal = new LongCounter();
    private final LongCounter scoredTotal = new LongCounter();
    private final LongCounter deadLetteredTotal = new LongCounter();
    private final LongCounter batchesTotal = new LongCounter();
    private final IntCounter modelLoads = new IntCounter();
    private final Histogram latencyBuckets = new Histogram();
    private final LongMinimum firstArrival = new LongMinimum();
    private final LongMaximum lastEmit = new LongMaximum();
    private volatile int lastBatchSize;

    ScoringMetrics(MetricGroup group, RuntimeContext context) {
        read = group.counter(READ);
        scored = group.counter(SCORED);
        deadLettered = group.counter(DEAD_LETTERED);
        batches = group.counter(BATCHES);
        latency = group.histogram("scoringLatencyMicros", new DescriptiveStatisticsHistogram(10_000));
        group.gauge("lastBatchSize", () -> lastBatchSize);
        context.addAccumulator(READ, readTotal);
        context.addAccumulator(SCORED, scoredTotal);
        context.addAccumulator(DEAD_LETTERED, deadLetteredTotal);
        context.addAccumulator(BATCHES, batchesTotal);
        context.addAccumulator(MODEL_LOADS, modelLoads);
        context.addAccumulator(LATENCY_BUCKETS, latencyBuckets);
        context.addAccumulator(FIRST_ARRIVAL, firstArrival);
        context.addAccumulator(LAST_EMIT, lastEmit);
    }

    void modelLoaded() {
        modelLoads.add(1);
    }

    void read() {
        read.inc();
        readTotal.add(1);
        firstArrival.add(System.currentTimeMillis());
    }

    void deadLettered() {
        deadLettered.inc();
        deadLetteredTotal.add(1);
    }

    void batch(int size) {
        batches.inc();
        batchesTotal.add(1);
        lastBatchSize = size;
    }

    /** One record scored, {@code arrivalNanos} being when it entered the operator. */
    void scored(long arrivalNanos, long nowNanos) {
        long micros = (nowNanos - arrivalNanos) / 1_000;
        scored.inc();
        scoredTotal.add(1);
        latency.update(micros);
        latencyBuckets.add(LatencyBuckets.bucket(micros));
    }

    void emitted() {
        lastEmit.add(System.currentTimeMillis());
    }
}
