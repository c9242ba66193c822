package dev.categorizer.common.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermIndexTest {

    /** Characters that exercise both key kinds: packed (short, below U+0100) and compared (long or wider). */
    private static final char[] ALPHABET = {'a', 'b', 'z', '_', ' ', '#', '\0', '\u00e9', '\u00ff', '\u0100',
        '\u0436', '\u4e2d', '\ud83c', '\udfb5'};

    @Test
    void findsEveryTermAndNothingElseInEveryLookupForm() {
        Random random = new Random(7);
        Set<String> terms = new LinkedHashSet<>();
        while (terms.size() < 5000) terms.add(randomTerm(random));
        String[] array = terms.toArray(new String[0]);
        TermIndex index = new TermIndex(array);
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < array.length; i++) expected.put(array[i], i);
        TermCache cache = new TermCache(); // 5,000 terms and as many unknown ones in 2,048 entries: they collide

        for (int probe = 0; probe < 50_000; probe++) {
            String query = probe % 2 == 0 ? array[random.nextInt(array.length)] : randomTerm(random);
            int want = expected.getOrDefault(query, -1);
            char[] padded = ("<" + query + ">").toCharArray();
            assertThat(index.get(query)).as(query).isEqualTo(want);
            assertThat(index.get(padded, 1, padded.length - 1)).as(query).isEqualTo(want);
            if (query.chars().allMatch(c -> c <= 0xFF)) {
                byte[] latin1 = ("<" + query + ">").getBytes(StandardCharsets.ISO_8859_1);
                assertThat(index.getLatin1(latin1, 1, latin1.length - 1)).as(query).isEqualTo(want);
                byte[] roomy = Arrays.copyOf(latin1, latin1.length + 8); // the one-long read of short terms
                assertThat(index.getLatin1(roomy, 1, latin1.length - 1)).as(query).isEqualTo(want);
                assertThat(index.getLatin1(roomy, 1, latin1.length - 1, cache)).as(query).isEqualTo(want);
                assertThat(index.getLatin1(latin1, 1, latin1.length - 1, cache)).as(query).isEqualTo(want);
            }
        }
    }

    @Test
    void tellsTermsApartThatPackTheSameBytesWithoutTheirLength() {
        TermIndex index = new TermIndex(new String[] {"a", "a\0", "a\0\0\0\0\0\0", "a\0\0\0\0\0\0\0", "abcdefg",
            "abcdefgh"});
        assertThat(index.get("a")).isEqualTo(0);
        assertThat(index.get("a\0")).isEqualTo(1);
        assertThat(index.get("a\0\0\0\0\0\0")).isEqualTo(2);
        assertThat(index.get("a\0\0\0\0\0\0\0")).isEqualTo(3);
        assertThat(index.get("abcdefg")).isEqualTo(4);
        assertThat(index.get("abcdefgh")).isEqualTo(5);
        assertThat(index.get("a\0\0")).isEqualTo(-1);
        assertThat(index.get("abcdefghi")).isEqualTo(-1);
        assertThat(index.get("")).isEqualTo(-1);
    }

    @Test
    void rejectsDuplicateTerms() {
        assertThatThrownBy(() -> new TermIndex(new String[] {"hotel", "paris", "hotel"}))
                .hasMessageContaining("duplicate term 'hotel' at indices 0 and 2");
        assertThatThrownBy(() -> new TermIndex(new String[] {"a long term", "a long term"}))
                .hasMessageContaining("duplicate term 'a long term'");
    }

    private static String randomTerm(Random random) {
        int length = 1 + random.nextInt(random.nextBoolean() ? 8 : 14);
        StringBuilder term = new StringBuilder(length);
        boolean latin = random.nextInt(4) != 0; // mostly the packed kind
        for (int k = 0; k < length; k++) {
            term.append(latin ? (char) ('a' + random.nextInt(3)) : ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return term.toString();
    }
}
