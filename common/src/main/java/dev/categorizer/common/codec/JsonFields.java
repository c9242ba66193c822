package dev.categorizer.common.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads typed fields from a Jackson tree for the small codecs whose decode errors are unchecked
 * ({@link IllegalArgumentException}): their input is written by this project, so a bad one is a bug.
 */
final class JsonFields {

    private JsonFields() {}

    static JsonNode parseObject(String json, String what) {
        if (json == null) {
            throw new IllegalArgumentException("invalid " + what + " JSON: null");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid " + what + " JSON: " + Json.describe(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("invalid " + what + " JSON: not an object");
        }
        return node;
    }

    /** A required string field. */
    static String requiredString(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("invalid " + what + " JSON: missing field '" + field + "'");
        }
        return string(value, field, what);
    }

    /** An optional string field: absent or null gives null. */
    static String optionalString(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : string(value, field, what);
    }

    static String string(JsonNode value, String field, String what) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("invalid " + what + " JSON: field '" + field + "' must be a string");
        }
        return value.textValue();
    }
}
