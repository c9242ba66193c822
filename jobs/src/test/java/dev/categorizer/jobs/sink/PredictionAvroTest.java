package dev.categorizer.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionAvroTest {

    private final List<Prediction> predictions = List.of(
            new Prediction("v1", List.of(new LabelScore("Drama", 0.93), new LabelScore("War", 0.41)), "m1",
                    "2025-01-01T00:00:00Z"),
            new Prediction("v2", List.of(), "m1", "2025-01-01T00:00:01Z"));

    @Test
    void hasTheColumnsOfTheJsonOutput() {
        assertThat(PredictionAvro.SCHEMA.getFields()).extracting(f -> f.name())
                .containsExactly("id", "categories", "model_version", "scored_at");
        assertThat(PredictionAvro.CATEGORY.getFields()).extracting(f -> f.name()).containsExactly("label", "score");
    }

    @Test
    void roundTripsThroughAParquetFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.parquet");
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(PredictionAvro.SCHEMA).build()) {
            for (Prediction p : predictions) w.write(PredictionAvro.toRecord(p));
        }
        List<Prediction> read = new ArrayList<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
            for (GenericRecord g = r.read(); g != null; g = r.read()) read.add(PredictionAvro.fromRecord(g));
        }
        assertThat(read).isEqualTo(predictions);
    }

    @Test
    void explainedPredictionsRoundTripWithTheirExplanationColumn(@TempDir Path dir) throws Exception {
        List<Prediction> explained = List.of(
                new Prediction("v1", List.of(new LabelScore("War", 0.9), new LabelScore("Drama", 0.6)), "m1", "t",
                        Map.of("War", List.of(new Contribution("battle", "title", 2.5),
                                new Contribution("#ww2", "tags", 1.0)), "Drama", List.of())),
                new Prediction("v2", List.of(), "m1", "t"));
        assertThat(PredictionAvro.EXPLAINED_CATEGORY.getFields()).extracting(f -> f.name())
                .containsExactly("label", "score", "explanation");
        Path file = dir.resolve("e.parquet");
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(PredictionAvro.EXPLAINED_SCHEMA).build()) {
            for (Prediction p : explained) w.write(PredictionAvro.toRecord(p, true));
        }
        List<Prediction> read = new ArrayList<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
            for (GenericRecord g = r.read(); g != null; g = r.read()) read.add(PredictionAvro.fromRecord(g));
        }
        assertThat(read).isEqualTo(explained);
    }
}
