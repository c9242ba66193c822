package dev.categorizer.jobs.sink;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Avro schema of a prediction in Parquet files, with the columns of the JSON output: {@code id},
 * {@code categories} (a list of {@code {label, score}}, best first), {@code model_version}, {@code scored_at}.
 */
public final class PredictionAvro {

    public static final Schema CATEGORY = SchemaBuilder.record("Category").namespace("dev.categorizer")
            .fields()
            .requiredString("label")
            .requiredDouble("score")
            .endRecord();

    public static final Schema SCHEMA = SchemaBuilder.record("Prediction").namespace("dev.categorizer")
            .fields()
            .requiredString("id")
            .name("categories").type().array().items(CATEGORY).noDefault()
            .requiredString("model_version")
            .requiredString("scored_at")
            .endRecord();

    private PredictionAvro() {}

    public static GenericRecord toRecord(Prediction p) {
        List<GenericRecord> categories = new ArrayList<>(p.categories().size());
        for (LabelScore c : p.categories()) {
            GenericRecord r = new GenericData.Record(CATEGORY);
            r.put("label", c.label());
            r.put("score", c.score());
            categories.add(r);
        }
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("id", p.id());
        r.put("categories", categories);
        r.put("model_version", p.modelVersion());
        r.put("scored_at", p.scoredAt());
        return r;
    }

    /** Reads a prediction back from a record of {@link #SCHEMA}. */
    public static Prediction fromRecord(GenericRecord r) {
        List<LabelScore> categories = new ArrayList<>();
        for (Object o : (List<?>) r.get("categories")) {
            GenericRecord c = (GenericRecord) o;
            categories.add(new LabelScore(c.get("label").toString(), (Double) c.get("score")));
        }
        return new Prediction(r.get("id").toString(), categories, r.get("model_version").toString(),
                r.get("scored_at").toString());
    }
}
