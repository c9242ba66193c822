package dev.categorizer.jobs.train;

import dev.categorizer.common.codec.DeadLetterJsonCodec;
import dev.categorizer.common.codec.VideoJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TextPipeline;
import dev.categorizer.jobs.io.ParsedVideo;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-document work of the prepare stage: runs the text pipeline on a valid video and emits its prepared
 * document as a JSON line; on side outputs it emits the keys to count ({@link CountKeys}: the document's distinct
 * terms and labels when it is a training document) and dead letters as JSON lines. A video without labels cannot
 * teach anything and becomes a dead letter too.
 */
final class PrepareFunction extends ProcessFunction<ParsedVideo, String> {
    private static final long serialVersionUID = 1L;

    static final OutputTag<String> COUNT_KEYS = new OutputTag<>("count-keys", Types.STRING);
    static final OutputTag<String> DEAD_LETTERS = new OutputTag<>("dead-letters", Types.STRING);

    private final TextConfig textConfig;
    private final boolean training; // false: a validation document, not counted in the document frequencies
    private transient TextPipeline pipeline;
    private transient VideoJsonCodec codec;

    PrepareFunction(TextConfig textConfig, boolean training) {
        this.textConfig = textConfig;
        this.training = training;
    }

    @Override
    public void open(OpenContext openContext) {
        pipeline = new TextPipeline(textConfig);
        codec = new VideoJsonCodec();
    }

    @Override
    public void processElement(ParsedVideo parsed, Context ctx, Collector<String> out) {
        if (!parsed.isValid()) {
            deadLetter(parsed.deadLetter(), ctx);
            return;
        }
        Video video = parsed.video();
        if (video.labels().isEmpty()) {
            deadLetter(DeadLetter.of(codec.encode(video), "no labels: a training document needs at least one",
                    Instant.now()), ctx);
            return;
        }
        List<String> features = pipeline.features(video);
        out.collect(new PreparedDocument(video.id(), features, video.labels()).toJson());
        if (training) {
            ctx.output(COUNT_KEYS, CountKeys.TRAIN_DOCUMENTS);
            for (String term : new LinkedHashSet<>(features)) {
                ctx.output(COUNT_KEYS, CountKeys.term(term));
            }
            for (String label : new LinkedHashSet<>(video.labels())) {
                ctx.output(COUNT_KEYS, CountKeys.label(label));
            }
        } else {
            ctx.output(COUNT_KEYS, CountKeys.VALIDATION_DOCUMENTS);
        }
    }

    private static void deadLetter(DeadLetter deadLetter, Context ctx) {
        ctx.output(DEAD_LETTERS, DeadLetterJsonCodec.encode(deadLetter));
        ctx.output(COUNT_KEYS, CountKeys.DEAD_LETTERS);
    }
}
