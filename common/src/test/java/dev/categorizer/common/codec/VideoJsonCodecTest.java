package dev.categorizer.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.categorizer.common.JavaSerialization;
import dev.categorizer.common.record.Video;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoJsonCodecTest {

    private final VideoJsonCodec codec = new VideoJsonCodec();

    @Test
    void decodesAFullRecord() throws Exception {
        Video video = codec.decode("{\"id\":\"v1\",\"title\":\"Caf\\u00e9 \\\"Paris\\\"\",\"description\":\"line1\\nline2\","
                + "\"tags\":[\"travel\",\"東京\"],\"labels\":[\"Travel\"],\"extra\":{\"nested\":[1,{\"x\":null}]},\"n\":1.5}");

        assertThat(video).isEqualTo(new Video("v1", "Café \"Paris\"", "line1\nline2", List.of("travel", "東京"), List.of("Travel")));
    }

    @Test
    void optionalFieldsMayBeAbsentOrNull() throws Exception {
        assertThat(codec.decode("{\"id\":\"v\"}")).isEqualTo(new Video("v", "", "", List.of(), List.of()));
        assertThat(codec.decode("{\"title\":null,\"description\":null,\"tags\":null,\"labels\":null,\"id\":\"v\"}"))
                .isEqualTo(new Video("v", "", "", List.of(), List.of()));
    }

    @Test
    void integerIdsBecomeTheirDecimalText() throws Exception {
        assertThat(codec.decode("{\"id\":42}").id()).isEqualTo("42");
        assertThat(codec.decode("{\"id\":-7}").id()).isEqualTo("-7");
        assertThat(codec.decode("{\"id\":123456789012345678901234567890}").id()).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void bytesDecodeLikeStrings() throws Exception {
        String json = "{\"id\":\"v\",\"title\":\"Amélie – 東京 😀\"}";

        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(codec.decode(json));
        byte[] framed = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        assertThat(codec.decode(framed, 2, length)).isEqualTo(codec.decode(json));
    }

    @Test
    void encodesOneLineInFieldOrderAndRoundTrips() throws Exception {
        Video video = new Video("v1", "Café \"Paris\"", "a\nb\u2028c", List.of("t1", "東京"), List.of("L"));

        String line = codec.encode(video);

        assertThat(line).isEqualTo("{\"id\":\"v1\",\"title\":\"Café \\\"Paris\\\"\",\"description\":\"a\\nb\u2028c\","
                + "\"tags\":[\"t1\",\"東京\"],\"labels\":[\"L\"]}");
        assertThat(line).doesNotContain("\n");
        assertThat(codec.decode(line)).isEqualTo(video);
        assertThat(codec.decode(line.getBytes(StandardCharsets.UTF_8))).isEqualTo(video);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                              | empty record",
        "`   `                           | empty record",
        "[1,2]                           | not a JSON object: starts with an array",
        "`\"id\"`                        | not a JSON object: starts with a string",
        "42                              | not a JSON object: starts with a number",
        "null                            | not a JSON object: starts with null",
        "{\"title\":\"x\"}               | missing field 'id'",
        "{\"id\":null}                   | field 'id' must be a non-empty string or an integer",
        "{\"id\":\"\"}                   | field 'id' must be a non-empty string or an integer",
        "{\"id\":\"  \"}                 | field 'id' must be a non-empty string or an integer",
        "{\"id\":1.5}                    | field 'id' must be a non-empty string or an integer",
        "{\"id\":true}                   | field 'id' must be a non-empty string or an integer",
        "{\"id\":[\"a\"]}                | field 'id' must be a non-empty string or an integer",
        "{\"id\":\"v\",\"title\":5}      | field 'title' must be a string",
        "{\"id\":\"v\",\"description\":{}} | field 'description' must be a string",
        "{\"id\":\"v\",\"tags\":\"a\"}   | field 'tags' must be an array of strings",
        "{\"id\":\"v\",\"tags\":[1]}     | field 'tags' must be an array of strings",
        "{\"id\":\"v\",\"tags\":[null]}  | field 'tags' must be an array of strings",
        "{\"id\":\"v\",\"labels\":[[\"a\"]]} | field 'labels' must be an array of strings",
        "{\"id\":\"v\",\"labels\":{}}    | field 'labels' must be an array of strings",
        "{\"id\":\"v\"} {\"id\":\"w\"}   | malformed JSON: another object after the object",
        "{\"id\":\"v\"} []               | malformed JSON: an array after the object",
    })
    void explainsEveryRejection(String json, String reason) {
        assertThat(reasonOf(json)).isEqualTo(reason);
    }

    @Test
    void reportsMalformedJsonWithItsPosition() {
        assertThat(reasonOf("{\"id\": x}")).isEqualTo("malformed JSON: Unrecognized token 'x': was expecting (JSON String,"
                + " Number, Array, Object or token 'null', 'true' or 'false') at line 1 column 9");
        assertThat(reasonOf("{x")).isEqualTo("malformed JSON: Unexpected character ('x' (code 120)): was expecting"
                + " double-quote to start field name at line 1 column 2");
        assertThat(reasonOf("{\"id\":\"v\"")).isEqualTo("malformed JSON: Unexpected end-of-input: expected close marker"
                + " for Object (start marker at [line: 1, column: 1]) at line 1 column 10");
        assertThat(reasonOf("{\"id\":\"v\"} x")).startsWith("malformed JSON: Unrecognized token 'x'");
        assertThat(reasonOf("{\"id\":\"a\",\"id\":\"b\"}")).startsWith("malformed JSON: Duplicate field 'id'");
        assertThat(reasonOf("{\"id\":\"v\",\n\"title\":'single'}")).startsWith("malformed JSON: Unexpected character (''' (code 39))")
                .contains("at line 2 column");
    }

    @Test
    void reportsTheByteOffsetOfInvalidUtf8() {
        String prefix = "{\"id\":\"v\",\"title\":\"";
        int at = prefix.length(); // 19: the bad byte comes right after the prefix
        for (byte[] bad : List.of(
                new byte[] {(byte) 0xC3, '('}, // a lead byte without its continuation
                new byte[] {(byte) 0x80}, // a lone continuation byte
                new byte[] {(byte) 0xC0, (byte) 0xAF}, // an overlong '/'
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
                new byte[] {(byte) 0xFF})) {
            byte[] record = concat(prefix.getBytes(StandardCharsets.UTF_8), bad, "\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(reasonOf(record)).as(Arrays.toString(bad)).isEqualTo("invalid UTF-8 at byte " + at);
        }
        byte[] truncatedAtEnd = concat("{\"id\":\"é".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xF0, (byte) 0x9F});
        assertThat(reasonOf(truncatedAtEnd)).isEqualTo("invalid UTF-8 at byte 9");
        byte[] framed = concat(new byte[] {'x', 'x'}, prefix.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x80, '"', '}'});
        assertThat(catchThrowableOfType(InvalidRecordException.class, () -> codec.decode(framed, 2, framed.length - 2)).reason())
                .isEqualTo("invalid UTF-8 at byte " + at);
    }

    @Test
    void rejectsA10MegabyteRecordBeforeParsingIt() {
        int size = 10 * 1024 * 1024;
        String head = "{\"id\":\"v\",\"description\":\"";
        String json = head + "x".repeat(size - head.length() - 2) + "\"}";

        assertThat(json.length()).isEqualTo(size);
        assertThat(reasonOf(json)).isEqualTo("record too large: 10485760 bytes > 1048576");
        assertThat(reasonOf(json.getBytes(StandardCharsets.UTF_8))).isEqualTo("record too large: 10485760 bytes > 1048576");
    }

    @Test
    void measuresTheLimitInUtf8Bytes() throws Exception {
        VideoJsonCodec small = new VideoJsonCodec(31);
        String fits = "{\"id\":\"v\",\"title\":\"ééééé\"}"; // 26 chars, 31 bytes
        String tooBig = "{\"id\":\"v\",\"title\":\"éééééé\"}"; // 27 chars, 33 bytes

        assertThat(small.maxRecordBytes()).isEqualTo(31);
        assertThat(small.decode(fits).title()).isEqualTo("ééééé");
        assertThat(small.decode(fits.getBytes(StandardCharsets.UTF_8)).title()).isEqualTo("ééééé");
        assertThat(catchThrowableOfType(InvalidRecordException.class, () -> small.decode(tooBig)).reason())
                .isEqualTo("record too large: 33 bytes > 31");
        assertThat(VideoJsonCodec.utf8Length("aé東😀")).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void isSerializable() throws Exception {
        VideoJsonCodec copy = JavaSerialization.roundTrip(new VideoJsonCodec(1234));

        assertThat(copy.maxRecordBytes()).isEqualTo(1234);
        assertThat(copy.decode("{\"id\":1}").id()).isEqualTo("1");
    }

    private String reasonOf(String json) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> codec.decode(json));
        assertThat(e).as("decode(%s) should fail", json).isNotNull();
        assertThat(e.reason()).isEqualTo(e.getMessage());
        return e.reason();
    }

    private String reasonOf(byte[] utf8) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> codec.decode(utf8));
        assertThat(e).as("decode(bytes) should fail").isNotNull();
        return e.reason();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
