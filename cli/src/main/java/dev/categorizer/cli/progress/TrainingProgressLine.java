package dev.categorizer.cli.progress;

import dev.categorizer.model.train.TrainingProgress;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The progress line of training: the epoch, a bar through it, documents done of the epoch's, their rate in this
 * epoch and the time left for the whole run, {@code epoch 3 [██████░░░░░░░░░░░░░░] 12,800/45,000 docs  9,140
 * docs/s  ~1:05 left}. Documents are steps times the batch size times the replicas (the last batch of an epoch may
 * be smaller).
 *
 * <pre>{@code
 * ProgressReporter.start(new TrainingProgressLine(LocalProgress::training, 256, 1));
 * }</pre>
 */
public final class TrainingProgressLine implements LongFunction<String> {
    private static final int WIDTH = 24;

    private final Supplier<TrainingProgress> latest;
    private final long documentsPerStep;
    private String epochKey;
    private long epochStartMillis;
    private int epochStartStep;

    public TrainingProgressLine(Supplier<TrainingProgress> latest, int batchSize, int replicas) {
        this.latest = latest;
        this.documentsPerStep = (long) batchSize * replicas;
    }

    @Override
    public String apply(long nowMillis) {
        TrainingProgress p = latest.get();
        if (p == null || p.stepsPerEpoch() <= 0) return null;
        String key = (p.refit() ? "refit " : "") + p.epoch();
        if (!key.equals(epochKey)) { // a new epoch: its rate starts now
            epochKey = key;
            epochStartMillis = nowMillis;
            epochStartStep = p.step();
        }
        long done = p.step() * documentsPerStep;
        long total = p.stepsPerEpoch() * documentsPerStep;
        double seconds = (nowMillis - epochStartMillis) / 1000.0;
        String rate = seconds < 0.5 ? "-" : ProgressText.rate((p.step() - epochStartStep) * documentsPerStep / seconds);
        return String.format("%sepoch %d %s %s/%s docs  %s docs/s  ~%s left", p.refit() ? "refit " : "", p.epoch(),
                ProgressText.bar((double) p.step() / p.stepsPerEpoch(), WIDTH), ProgressText.count(done),
                ProgressText.count(total), rate, ProgressText.duration(p.remainingMillis()));
    }
}
