package dev.categorizer.common.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        Random random = new Random(11);
        // Bytes drawn mostly from the interesting ranges: ASCII, continuations, and every kind of lead byte.
        int[] pool = {'a', 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFF};
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(8)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : pool[random.nextInt(pool.length)]);
            }
            assertThat(Utf8Validator.firstInvalid(bytes, 0, bytes.length)).as(Arrays.toString(bytes))
                    .isEqualTo(jdkFirstInvalid(bytes));
        }
    }

    @Test
    void acceptsEveryCodePointEncodedByTheJdk() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8Validator.firstInvalid(bytes, 0, bytes.length)).as("U+%X", cp).isEqualTo(-1);
        }
    }

    @Test
    void countsTheOffsetFromTheStartOfTheRange() {
        byte[] bytes = {(byte) 0x80, 'a', 'b', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF};
        assertThat(Utf8Validator.firstInvalid(bytes, 1, 4)).isEqualTo(-1);
        assertThat(Utf8Validator.firstInvalid(bytes, 1, 5)).isEqualTo(4);
        assertThat(Utf8Validator.firstInvalid(bytes, 1, 3)).isEqualTo(2); // the range cuts "é" in half
    }

    private static int jdkFirstInvalid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(2 * bytes.length), true);
        if (!result.isError()) {
            result = decoder.flush(CharBuffer.allocate(2));
        }
        return result.isError() ? in.position() : -1;
    }
}
