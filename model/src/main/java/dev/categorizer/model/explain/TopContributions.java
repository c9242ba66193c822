package dev.categorizer.model.explain;

import java.util.PriorityQueue;

/**
 * The {@code k} largest contributions offered, by feature position: a bounded min-heap, so that picking the top
 * few of a long description costs {@code n log k}, not a sort of every feature.
 */
final class TopContributions {
    private final int k;
    private final PriorityQueue<long[]> heap; // {position, float bits}; smallest contribution at the head

    TopContributions(int k) {
        this.k = k;
        this.heap = new PriorityQueue<>(Math.max(1, k), (a, b) -> {
            int byValue = Float.compare(Float.intBitsToFloat((int) a[1]), Float.intBitsToFloat((int) b[1]));
            return byValue != 0 ? byValue : Long.compare(b[0], a[0]); // on ties the earlier feature wins
        });
    }

    void offer(int position, float contribution) {
        if (k == 0) return;
        heap.add(new long[] {position, Float.floatToRawIntBits(contribution)});
        if (heap.size() > k) heap.poll();
    }

    /** The positions offered with the largest contributions, largest first. */
    int[] features() {
        int[] out = new int[heap.size()];
        PriorityQueue<long[]> copy = new PriorityQueue<>(heap);
        for (int i = out.length - 1; i >= 0; i--) out[i] = (int) copy.poll()[0];
        return out;
    }
}
