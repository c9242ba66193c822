package dev.categorizer.common.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link Prediction} as one line of JSON:
 * {@code {"id":"..","categories":[{"label":"..","score":0.93}],"model_version":"..","scored_at":".."}}.
 * A category that was explained also has
 * {@code "explanation":[{"word":"battle","field":"title","contribution":2.1}, ...]}, strongest first; without
 * explanations the line is exactly as before. Thread-safe.
 */
public final class PredictionJsonCodec {

    private static final String WHAT = "prediction";

    private PredictionJsonCodec() {}

    public static String encode(Prediction prediction) {
        if (!prediction.explanations().isEmpty()) {
            return encodeWithJackson(prediction);
        }
        // The common line, written by hand: a Jackson generator per record cost more than the line itself.
        List<LabelScore> categories = prediction.categories();
        StringBuilder out = new StringBuilder(expectedLength(prediction));
        out.append("{\"id\":");
        JsonStrings.append(out, prediction.id());
        out.append(",\"categories\":[");
        for (int i = 0; i < categories.size(); i++) {
            LabelScore category = categories.get(i);
            out.append(i == 0 ? "{\"label\":" : ",{\"label\":");
            JsonStrings.append(out, category.label());
            out.append(",\"score\":").append(category.score()).append('}'); // as Jackson: Double.toString
        }
        out.append("],\"model_version\":");
        JsonStrings.append(out, prediction.modelVersion());
        out.append(",\"scored_at\":");
        JsonStrings.append(out, prediction.scoredAt());
        return out.append('}').toString();
    }

    /**
     * The length of the line when no character needs escaping: the builder then never grows (growing it twice
     * from a guess was a tenth of the bytes a scored document allocated).
     */
    private static int expectedLength(Prediction prediction) {
        // {"id":"","categories":[],"model_version":"","scored_at":""} is 59 characters, and each category at
        // most 22 plus its label and its score (Float.toString: at most 15 characters).
        int length = 59 + length(prediction.id()) + length(prediction.modelVersion()) + length(prediction.scoredAt());
        for (LabelScore category : prediction.categories()) {
            length += 37 + length(category.label());
        }
        return length;
    }

    private static int length(String s) {
        return s == null ? 4 : s.length(); // null
    }

    /** {@link #encode} through Jackson's generator: for explained predictions, and the reference of the test. */
    static String encodeWithJackson(Prediction prediction) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", prediction.id());
            g.writeArrayFieldStart("categories");
            for (LabelScore category : prediction.categories()) {
                g.writeStartObject();
                g.writeStringField("label", category.label());
                g.writeNumberField("score", category.score());
                List<Contribution> explanation = prediction.explanations().get(category.label());
                if (explanation != null) writeExplanation(g, explanation);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("model_version", prediction.modelVersion());
            g.writeStringField("scored_at", prediction.scoredAt());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to a string", e);
        }
        return out.toString();
    }

    private static void writeExplanation(JsonGenerator g, List<Contribution> explanation) throws IOException {
        g.writeArrayFieldStart("explanation");
        for (Contribution c : explanation) {
            g.writeStartObject();
            g.writeStringField("word", c.word());
            g.writeStringField("field", c.field());
            g.writeNumberField("contribution", c.contribution());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * The inverse of {@link #encode}. "id" and "categories" are required; "model_version" and "scored_at" may be
     * null or absent.
     *
     * @throws IllegalArgumentException if {@code json} is not such an object
     */
    public static Prediction decode(String json) {
        JsonNode root = JsonFields.parseObject(json, WHAT);
        String id = JsonFields.requiredString(root, "id", WHAT);
        JsonNode categories = root.get("categories");
        if (categories == null || !categories.isArray()) {
            throw new IllegalArgumentException("invalid prediction JSON: field 'categories' must be an array");
        }
        List<LabelScore> scores = new ArrayList<>(categories.size());
        Map<String, List<Contribution>> explanations = new LinkedHashMap<>();
        for (JsonNode category : categories) {
            if (!category.isObject()) {
                throw new IllegalArgumentException("invalid prediction JSON: 'categories' must hold objects");
            }
            String label = JsonFields.requiredString(category, "label", WHAT);
            JsonNode score = category.get("score");
            if (score == null || !score.isNumber()) {
                throw new IllegalArgumentException("invalid prediction JSON: score of '" + label + "' must be a number");
            }
            scores.add(new LabelScore(label, score.doubleValue()));
            JsonNode explanation = category.get("explanation");
            if (explanation != null) explanations.put(label, decodeExplanation(label, explanation));
        }
        return new Prediction(id, scores,
                JsonFields.optionalString(root, "model_version", WHAT),
                JsonFields.optionalString(root, "scored_at", WHAT), explanations);
    }

    private static List<Contribution> decodeExplanation(String label, JsonNode explanation) {
        if (!explanation.isArray()) {
            throw new IllegalArgumentException("invalid prediction JSON: explanation of '" + label + "' must be an array");
        }
        List<Contribution> contributions = new ArrayList<>(explanation.size());
        for (JsonNode c : explanation) {
            if (!c.isObject() || !c.path("contribution").isNumber()) {
                throw new IllegalArgumentException("invalid prediction JSON: explanation of '" + label
                        + "' must hold objects with a numeric contribution");
            }
            contributions.add(new Contribution(JsonFields.requiredString(c, "word", WHAT),
                    JsonFields.requiredString(c, "field", WHAT), c.get("contribution").doubleValue()));
        }
        return contributions;
    }
}
