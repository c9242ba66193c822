package dev.categorizer.model.explain;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.categorizer.common.codec.Json;
import dev.categorizer.common.record.Contribution;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One {@link VideoExplanation} as one line of JSON, for {@code categorizer explain --json}:
 * <pre>{@code
 * {"id":"42","model_version":"..","known_features":17,"categories":[{"label":"War","score":0.93,"logit":2.61,
 *  "bias":-1.45,"rest":0.04,"explanation":[{"word":"battle","field":"title","contribution":2.1}, ...]}]}
 * }</pre>
 * where for each category {@code bias + rest + sum of the explanation's contributions == logit}.
 */
public final class ExplanationJson {

    private ExplanationJson() {}

    public static String encode(VideoExplanation video) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", video.id());
            g.writeStringField("model_version", video.modelVersion());
            g.writeNumberField("known_features", video.knownFeatures());
            g.writeArrayFieldStart("categories");
            for (Explanation e : video.categories()) {
                g.writeStartObject();
                g.writeStringField("label", e.label());
                g.writeNumberField("score", e.score());
                g.writeNumberField("logit", e.logit());
                g.writeNumberField("bias", e.bias());
                g.writeNumberField("rest", e.rest());
                g.writeArrayFieldStart("explanation");
                for (Contribution c : e.top()) {
                    g.writeStartObject();
                    g.writeStringField("word", c.word());
                    g.writeStringField("field", c.field());
                    g.writeNumberField("contribution", c.contribution());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to a string", e);
        }
        return out.toString();
    }
}
