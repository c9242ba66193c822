package dev.categorizer.common.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes one {@link Video} as one line of JSON:
 * {@code {"id":"..","title":"..","description":"..","tags":[..],"labels":[..]}}.
 *
 * <p>Decoding is strict and explains every rejection in {@link InvalidRecordException#reason()}: the record must
 * be at most {@code maxRecordBytes} of valid UTF-8 holding exactly one JSON object; "id" is required, a non-empty
 * string or an integer (kept as its decimal text); "title" and "description" are optional strings; "tags" and
 * "labels" optional arrays of strings; null is accepted for every optional field; each of these fields may
 * appear once; other fields are ignored. Thread-safe.
 *
 * <pre>{@code
 * VideoJsonCodec codec = new VideoJsonCodec();            // 1 MiB limit
 * Video video = codec.decode(kafkaValueBytes);             // throws InvalidRecordException
 * String line = codec.encode(video);
 * }</pre>
 */
public final class VideoJsonCodec implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    private final int maxRecordBytes;

    /** A codec accepting records of up to {@value #DEFAULT_MAX_RECORD_BYTES} bytes. */
    public VideoJsonCodec() {
        this(DEFAULT_MAX_RECORD_BYTES);
    }

    /** A codec accepting records of up to {@code maxRecordBytes} bytes of UTF-8. */
    public VideoJsonCodec(int maxRecordBytes) {
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be >= 1, got " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /** Decodes one JSON text; its size is measured in UTF-8 bytes. */
    public Video decode(String line) throws InvalidRecordException {
        if (line == null) {
            throw new InvalidRecordException("empty record");
        }
        // A char is 1 to 3 UTF-8 bytes (a surrogate pair 4 for 2), so short strings need no counting.
        if ((long) line.length() * 3 > maxRecordBytes) {
            long bytes = utf8Length(line);
            if (bytes > maxRecordBytes) {
                throw tooLarge(bytes);
            }
        }
        return parse(line);
    }

    /** Decodes one UTF-8 JSON record. */
    public Video decode(byte[] utf8) throws InvalidRecordException {
        if (utf8 == null) {
            throw new InvalidRecordException("empty record");
        }
        return decode(utf8, 0, utf8.length);
    }

    /** Decodes the UTF-8 JSON record in {@code utf8[offset, offset + length)}; byte offsets in errors count from {@code offset}. */
    public Video decode(byte[] utf8, int offset, int length) throws InvalidRecordException {
        java.util.Objects.checkFromIndexSize(offset, length, utf8.length);
        if (length > maxRecordBytes) {
            throw tooLarge(length);
        }
        int invalid = Utf8Validator.firstInvalid(utf8, offset, length);
        if (invalid >= 0) {
            throw new InvalidRecordException("invalid UTF-8 at byte " + invalid);
        }
        // Jackson's byte parser: no String of the whole line, and faster than its char parser.
        try (JsonParser p = Json.records().createParser(utf8, offset, length)) {
            return parse(p);
        } catch (IOException e) {
            throw new InvalidRecordException("malformed JSON: " + e.getMessage());
        }
    }

    /** One line of JSON; strings are escaped by Jackson, so newlines in the text cannot break the line. */
    public String encode(Video video) {
        StringWriter out = new StringWriter(64 + video.title().length() + video.description().length());
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", video.id());
            g.writeStringField("title", video.title());
            g.writeStringField("description", video.description());
            writeStrings(g, "tags", video.tags());
            writeStrings(g, "labels", video.labels());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to a string", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static Video parse(String json) throws InvalidRecordException {
        try (JsonParser p = Json.records().createParser(json)) {
            return parse(p);
        } catch (IOException e) {
            throw new InvalidRecordException("malformed JSON: " + e.getMessage()); // not expected from a String
        }
    }

    private static Video parse(JsonParser p) throws InvalidRecordException {
        try {
            JsonToken token = p.nextToken();
            if (token == null) {
                throw new InvalidRecordException("empty record");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidRecordException("not a JSON object: starts with " + describe(token));
            }
            String id = null;
            String title = null;
            String description = null;
            List<String> tags = null;
            List<String> labels = null;
            int seen = 0; // a bit per known field: {"id":"a","id":"b"} is ambiguous
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int bit = fieldBit(field);
                if ((seen & bit) != 0) {
                    throw new InvalidRecordException("malformed JSON: Duplicate field '" + field + "'");
                }
                seen |= bit;
                JsonToken value = p.nextToken();
                switch (field) {
                    case "id" -> id = readId(p, value);
                    case "title" -> title = readString(p, value, field);
                    case "description" -> description = readString(p, value, field);
                    case "tags" -> tags = readStrings(p, value, field);
                    case "labels" -> labels = readStrings(p, value, field);
                    default -> p.skipChildren();
                }
            }
            // The loop ends at the object's END_OBJECT; Jackson reports anything else as malformed.
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new InvalidRecordException("malformed JSON: " + describe(trailing) + " after the object");
            }
            if (id == null) {
                throw new InvalidRecordException("missing field 'id'");
            }
            return new Video(id, title, description, tags, labels);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("malformed JSON: " + Json.describe(e));
        } catch (IOException e) {
            throw new InvalidRecordException("malformed JSON: " + e.getMessage());
        }
    }

    /** A distinct bit for each field the codec reads, 0 for any other (ignored) field. */
    private static int fieldBit(String field) {
        return switch (field) {
            case "id" -> 1;
            case "title" -> 2;
            case "description" -> 4;
            case "tags" -> 8;
            case "labels" -> 16;
            default -> 0;
        };
    }

    private static String readId(JsonParser p, JsonToken value) throws IOException, InvalidRecordException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getText(); // the literal digits: no precision lost, even beyond a long
        }
        if (value == JsonToken.VALUE_STRING) {
            String id = p.getText();
            if (!id.isBlank()) {
                return id;
            }
        }
        throw new InvalidRecordException("field 'id' must be a non-empty string or an integer");
    }

    private static String readString(JsonParser p, JsonToken value, String field)
            throws IOException, InvalidRecordException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new InvalidRecordException("field '" + field + "' must be a string");
    }

    private static List<String> readStrings(JsonParser p, JsonToken value, String field)
            throws IOException, InvalidRecordException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw new InvalidRecordException("field '" + field + "' must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        JsonToken element;
        while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            if (element != JsonToken.VALUE_STRING) {
                throw new InvalidRecordException("field '" + field + "' must be an array of strings");
            }
            strings.add(p.getText());
        }
        return strings;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "another object";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    private InvalidRecordException tooLarge(long bytes) {
        return new InvalidRecordException("record too large: " + bytes + " bytes > " + maxRecordBytes);
    }

    static long utf8Length(String s) {
        long bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
