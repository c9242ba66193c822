package dev.categorizer.model.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json} (snake_case keys, pretty-printed). */
final class ManifestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestJson() {}

    static void write(Manifest manifest, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), manifest);
    }

    static Manifest read(byte[] json) throws IOException {
        return MAPPER.readValue(json, Manifest.class);
    }

    /** The format version alone, read before the rest so that a newer format gets a clear message. */
    static int formatVersion(byte[] json) throws IOException {
        var node = MAPPER.readTree(json);
        var version = node == null ? null : node.get("format_version");
        if (version == null || !version.canConvertToInt()) {
            throw new IOException("no integer 'format_version'");
        }
        return version.intValue();
    }
}
