package dev.categorizer.jobs.train;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts the occurrences of each key in keyed state and emits {@code (key, count)} once, at the end of the input.
 * The prepare stage sends each document's distinct terms, so the count of a term is its document frequency.
 * In BATCH mode the end-of-time timer of a key fires when that key's input is done.
 */
final class DocumentFrequencyCounter extends KeyedProcessFunction<String, String, Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(String key, Context ctx, Collector<Tuple2<String, Long>> out) throws Exception {
        Long current = count.value();
        if (current == null) {
            current = 0L;
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        count.update(current + 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<String, Long>> out) throws Exception {
        out.collect(Tuple2.of(ctx.getCurrentKey(), count.value()));
        count.clear();
    }
}
