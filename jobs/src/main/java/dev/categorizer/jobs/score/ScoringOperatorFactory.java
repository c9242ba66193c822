package dev.categorizer.jobs.score;

import dev.categorizer.jobs.io.ParsedVideo;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.OneInputStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;

/**
 * Creates the {@link ScoringOperator} with the task's mailbox executor, through which the scoring threads hand
 * finished batches back to the task thread.
 *
 * <pre>{@code
 * videos.transform("score", resultType, new ScoringOperatorFactory<>(options, new PredictionFormatter()));
 * }</pre>
 *
 * @param <OUT> what is emitted per scored video
 */
public final class ScoringOperatorFactory<OUT> extends AbstractStreamOperatorFactory<OUT>
        implements OneInputStreamOperatorFactory<ParsedVideo, OUT> {

    private static final long serialVersionUID = 1L;

    private final ScoringOptions options;
    private final ResultFormatter<OUT> formatter;

    public ScoringOperatorFactory(ScoringOptions options, ResultFormatter<OUT> formatter) {
        this.options = options;
        this.formatter = formatter;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<OUT>> T createStreamOperator(StreamOperatorParameters<OUT> parameters) {
        return (T) new ScoringOperator<>(parameters, options, formatter);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return ScoringOperator.class;
    }
}
