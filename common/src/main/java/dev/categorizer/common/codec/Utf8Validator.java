package dev.categorizer.common.codec;

/**
 * Finds the first invalid UTF-8 sequence in a byte range, as a strict decoder would report it (the JDK's with
 * {@code CodingErrorAction.REPORT}): truncated or broken sequences, overlong forms, encoded surrogates and code
 * points above U+10FFFF. Checks without decoding, so a record with non-ASCII text costs no buffer.
 */
final class Utf8Validator {

    private Utf8Validator() {}

    /** The offset from {@code offset} where the first invalid sequence starts, or -1 if the range is valid. */
    static int firstInvalid(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = bytes[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            int continuations;
            int codePoint;
            int min;
            if ((lead & 0xE0) == 0xC0) {
                continuations = 1;
                codePoint = lead & 0x1F;
                min = 0x80;
            } else if ((lead & 0xF0) == 0xE0) {
                continuations = 2;
                codePoint = lead & 0x0F;
                min = 0x800;
            } else if ((lead & 0xF8) == 0xF0) {
                continuations = 3;
                codePoint = lead & 0x07;
                min = 0x10000;
            } else {
                return i - offset; // a continuation byte without a lead, or 0xF8..0xFF
            }
            if (i + continuations >= end) {
                return i - offset;
            }
            for (int k = 1; k <= continuations; k++) {
                int next = bytes[i + k];
                if ((next & 0xC0) != 0x80) {
                    return i - offset;
                }
                codePoint = codePoint << 6 | (next & 0x3F);
            }
            if (codePoint < min || codePoint > Character.MAX_CODE_POINT
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                return i - offset;
            }
            i += continuations + 1;
        }
        return -1;
    }
}
