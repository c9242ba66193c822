package dev.categorizer.common.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/**
 * The one Jackson {@link ObjectMapper} of the project's codecs. ObjectMapper is thread-safe once configured and
 * expensive to create, so it is shared. Duplicate keys are rejected: {"id":"a","id":"b"} is ambiguous.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * For the record codecs' hot path: no duplicate detection, which costs a hash set per object in Jackson. A
     * codec that reads records checks its own fields for duplicates (a bit per known field).
     */
    private static final JsonFactory RECORDS = JsonFactory.builder().build();

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; (?=line: )");

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The parser factory for records on the hot path; see {@link #RECORDS}. Thread-safe. */
    static JsonFactory records() {
        return RECORDS;
    }

    /** A one-line description of a Jackson error, e.g. "Unexpected character ('x' ...) at line 1 column 3". */
    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        // Jackson names the (redacted) source inside some messages, e.g. "start marker at [Source: REDACTED
        // (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]": keep only the position.
        message = SOURCE.matcher(message).replaceAll("[");
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        var location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " at line " + location.getLineNr() + " column " + location.getColumnNr();
        }
        return message;
    }
}
