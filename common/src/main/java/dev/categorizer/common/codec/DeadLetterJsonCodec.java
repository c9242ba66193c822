package dev.categorizer.common.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.categorizer.common.record.DeadLetter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** One {@link DeadLetter} as one line of JSON: {@code {"raw":"..","reason":"..","at":".."}}. Thread-safe. */
public final class DeadLetterJsonCodec {

    private static final String WHAT = "dead letter";

    private DeadLetterJsonCodec() {}

    public static String encode(DeadLetter deadLetter) {
        StringWriter out = new StringWriter(deadLetter.raw().length() + 96);
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("raw", deadLetter.raw());
            g.writeStringField("reason", deadLetter.reason());
            g.writeStringField("at", deadLetter.at());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to a string", e);
        }
        return out.toString();
    }

    /**
     * The inverse of {@link #encode}; all three fields are required strings.
     *
     * @throws IllegalArgumentException if {@code json} is not such an object
     */
    public static DeadLetter decode(String json) {
        JsonNode root = JsonFields.parseObject(json, WHAT);
        return new DeadLetter(
                JsonFields.requiredString(root, "raw", WHAT),
                JsonFields.requiredString(root, "reason", WHAT),
                JsonFields.requiredString(root, "at", WHAT));
    }
}
