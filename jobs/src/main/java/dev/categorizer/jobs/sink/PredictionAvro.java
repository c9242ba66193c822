package dev.categorizer.jobs.sink;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The Avro schema of a prediction in Parquet files, with the columns of the JSON output: {@code id},
 * {@code categories} (a list of {@code {label, score}}, best first), {@code model_version}, {@code scored_at}.
 * Explained predictions ({@code score --explain K}) have {@link #EXPLAINED_SCHEMA}: each category also has
 * {@code explanation}, a list of {@code {word, field, contribution}}; files without explanations keep
 * {@link #SCHEMA}, as before.
 */
public final class PredictionAvro {

    public static final Schema CATEGORY = SchemaBuilder.record("Category").namespace("dev.categorizer")
            .fields()
            .requiredString("label")
            .requiredDouble("score")
            .endRecord();

    public static final Schema SCHEMA = prediction(CATEGORY);

    public static final Schema CONTRIBUTION = SchemaBuilder.record("Contribution").namespace("dev.categorizer")
            .fields()
            .requiredString("word")
            .requiredString("field")
            .requiredDouble("contribution")
            .endRecord();

    public static final Schema EXPLAINED_CATEGORY = SchemaBuilder.record("ExplainedCategory")
            .namespace("dev.categorizer")
            .fields()
            .requiredString("label")
            .requiredDouble("score")
            .name("explanation").type().array().items(CONTRIBUTION).noDefault()
            .endRecord();

    public static final Schema EXPLAINED_SCHEMA = prediction(EXPLAINED_CATEGORY);

    private PredictionAvro() {}

    private static Schema prediction(Schema category) {
        return SchemaBuilder.record("Prediction").namespace("dev.categorizer")
                .fields()
                .requiredString("id")
                .name("categories").type().array().items(category).noDefault()
                .requiredString("model_version")
                .requiredString("scored_at")
                .endRecord();
    }

    /** {@link #EXPLAINED_SCHEMA} for explained predictions, else {@link #SCHEMA}. */
    public static Schema schema(boolean explained) {
        return explained ? EXPLAINED_SCHEMA : SCHEMA;
    }

    /** A record of {@link #SCHEMA}. */
    public static GenericRecord toRecord(Prediction p) {
        return toRecord(p, false);
    }

    /** A record of {@link #schema(boolean) schema(explained)}; a category without explanation gets an empty one. */
    public static GenericRecord toRecord(Prediction p, boolean explained) {
        Schema category = explained ? EXPLAINED_CATEGORY : CATEGORY;
        List<GenericRecord> categories = new ArrayList<>(p.categories().size());
        for (LabelScore c : p.categories()) {
            GenericRecord r = new GenericData.Record(category);
            r.put("label", c.label());
            r.put("score", c.score());
            if (explained) r.put("explanation", contributions(p.explanation(c.label())));
            categories.add(r);
        }
        GenericRecord r = new GenericData.Record(schema(explained));
        r.put("id", p.id());
        r.put("categories", categories);
        r.put("model_version", p.modelVersion());
        r.put("scored_at", p.scoredAt());
        return r;
    }

    private static List<GenericRecord> contributions(List<Contribution> explanation) {
        List<GenericRecord> out = new ArrayList<>(explanation.size());
        for (Contribution c : explanation) {
            GenericRecord r = new GenericData.Record(CONTRIBUTION);
            r.put("word", c.word());
            r.put("field", c.field());
            r.put("contribution", c.contribution());
            out.add(r);
        }
        return out;
    }

    /** Reads a prediction back from a record of {@link #SCHEMA} or {@link #EXPLAINED_SCHEMA}. */
    public static Prediction fromRecord(GenericRecord r) {
        List<LabelScore> categories = new ArrayList<>();
        Map<String, List<Contribution>> explanations = new LinkedHashMap<>();
        for (Object o : (List<?>) r.get("categories")) {
            GenericRecord c = (GenericRecord) o;
            String label = c.get("label").toString();
            categories.add(new LabelScore(label, (Double) c.get("score")));
            if (c.getSchema().getField("explanation") != null) {
                List<Contribution> explanation = new ArrayList<>();
                for (Object e : (List<?>) c.get("explanation")) {
                    GenericRecord x = (GenericRecord) e;
                    explanation.add(new Contribution(x.get("word").toString(), x.get("field").toString(),
                            (Double) x.get("contribution")));
                }
                explanations.put(label, explanation);
            }
        }
        return new Prediction(r.get("id").toString(), categories, r.get("model_version").toString(),
                r.get("scored_at").toString(), explanations);
    }
}
