package dev.categorizer.jobs.score;

import dev.categorizer.common.record.DeadLetter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What scoring produces: one result per scored video, and a dead letter for each record that could not be scored.
 *
 * @param <OUT> the result type
 */
public record ScoredStreams<OUT>(DataStream<OUT> results, DataStream<DeadLetter> deadLetters) {}
