package dev.categorizer.jobs.train;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What a training run needs outside the Java heap, checked before the training job starts on the embedded
 * cluster, so that a model too large for the machine gets a message that says what to change instead of a
 * crashed process. TensorFlow holds each replica's first layer and its two Adam moments (12 bytes a weight,
 * for features x hidden weights) and, while the bundle is written, one more copy of the weights.
 */
final class TrainingMemory {
    private TrainingMemory() {}

    /** Bytes of native memory a run of {@code replicas} replicas needs at its peak. */
    static long nativeBytes(long features, int hidden, int labels, int replicas) {
        long weights = features * hidden + (long) hidden * labels + hidden + labels;
        return (3L * replicas + 1) * weights * 4;
    }

    /** Fails with a message naming the limit and what to set, when the machine cannot hold the run. */
    static void check(long features, int hidden, int labels, int replicas, long available) {
        long needed = nativeBytes(features, hidden, labels, replicas);
        if (needed > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a model of %,d features x %d hidden units needs about %.1f GB of memory outside the Java heap "
                            + "to train (%d replica%s), and this machine has %.1f GB besides the heap: lower "
                            + "--max-vocabulary or --hidden (or --train-parallelism), or train on a larger machine",
                    features, hidden, needed / 1e9, replicas, replicas == 1 ? "" : "s", available / 1e9));
        }
    }

    /**
     * Physical memory less the Java heap's maximum: what native allocations of this process can have at most;
     * less still when JavaCPP (under TensorFlow) caps the process's physical memory, as it does by default at
     * twice the heap ({@code org.bytedeco.javacpp.maxPhysicalBytes}, 0 for no cap).
     */
    static long availableOutsideHeap() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heap = Runtime.getRuntime().maxMemory();
        long available = os.getTotalMemorySize() - heap;
        long cap = org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
        return cap > 0 ? Math.min(available, cap - heap) : available;
    }
}
