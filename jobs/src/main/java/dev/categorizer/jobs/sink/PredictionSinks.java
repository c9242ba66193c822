package dev.categorizer.jobs.sink;

import dev.categorizer.common.codec.DeadLetterJsonCodec;
import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.jobs.kafka.JsonRecordSerializer;
import dev.categorizer.jobs.kafka.KafkaSettings;
import dev.categorizer.jobs.kafka.KafkaSinks;
import org.apache.avro.Schema;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.GenericRecordAvroTypeInfo;
import org.apache.flink.formats.parquet.avro.AvroParquetWriters;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Attaches the outputs of the score job: predictions and dead letters, each to a JSON-lines directory, a
 * Parquet directory (predictions only) or a Kafka topic (predictions keyed by video id).
 *
 * <pre>{@code
 * PredictionSinks.predictions(scored.predictions(), OutputSpec.parse("out/predictions.parquet", null, null), kafka);
 * PredictionSinks.deadLetters(scored.deadLetters(), OutputSpec.parse("out/dead-letters", null, null), kafka);
 * }</pre>
 */
public final class PredictionSinks {

    private PredictionSinks() {}

    public static void predictions(DataStream<Prediction> predictions, OutputSpec spec, KafkaSettings kafka) {
        predictions(predictions, spec, kafka, false);
    }

    /**
     * As {@link #predictions(DataStream, OutputSpec, KafkaSettings)}; {@code explained} predictions go to Parquet
     * with the schema that has the explanation column ({@link PredictionAvro#EXPLAINED_SCHEMA}).
     */
    public static void predictions(DataStream<Prediction> predictions, OutputSpec spec, KafkaSettings kafka,
            boolean explained) {
        Schema schema = PredictionAvro.schema(explained);
        switch (spec.format()) {
            case JSON_LINES -> predictions
                    .map(PredictionJsonCodec::encode).returns(Types.STRING).name("Predictions to JSON").uid("predictions-json")
                    .sinkTo(FileSinks.jsonLines(spec.path(), "predictions")).name(sinkName("Predictions", spec)).uid("predictions-sink");
            case PARQUET -> predictions
                    .map(p -> PredictionAvro.toRecord(p, explained)).returns(new GenericRecordAvroTypeInfo(schema))
                    .name("Predictions to Avro").uid("predictions-avro")
                    .sinkTo(FileSinks.parquet(spec.path(), "predictions",
                            AvroParquetWriters.forGenericRecord(schema)))
                    .name(sinkName("Predictions", spec)).uid("predictions-sink");
            case KAFKA -> predictions
                    .sinkTo(KafkaSinks.create(spec.kafka(), kafka,
                            new JsonRecordSerializer<>(spec.kafka().topic(), Prediction::id, PredictionJsonCodec::encode),
                            "predictions"))
                    .name(sinkName("Predictions", spec)).uid("predictions-sink");
        }
    }

    public static void deadLetters(DataStream<DeadLetter> deadLetters, OutputSpec spec, KafkaSettings kafka) {
        switch (spec.format()) {
            case JSON_LINES -> deadLetters
                    .map(DeadLetterJsonCodec::encode).returns(Types.STRING).name("Dead letters to JSON").uid("dead-letters-json")
                    .sinkTo(FileSinks.jsonLines(spec.path(), "dead-letters")).name(sinkName("Dead letters", spec)).uid("dead-letters-sink");
            case PARQUET -> throw new IllegalArgumentException(
                    "dead letters are written as JSON lines or to Kafka, not Parquet: " + spec.path());
            case KAFKA -> deadLetters
                    .sinkTo(KafkaSinks.create(spec.kafka(), kafka,
                            new JsonRecordSerializer<>(spec.kafka().topic(), null, DeadLetterJsonCodec::encode),
                            "dead-letters"))
                    .name(sinkName("Dead letters", spec)).uid("dead-letters-sink");
        }
    }

    /** A short operator name: long paths in names are cut by the metric system and clutter the UI. */
    private static String sinkName(String what, OutputSpec spec) {
        return switch (spec.format()) {
            case JSON_LINES -> what + " (JSON lines files)";
            case PARQUET -> what + " (Parquet files)";
            case KAFKA -> what + " (Kafka " + spec.kafka().topic() + ")";
        };
    }
}
