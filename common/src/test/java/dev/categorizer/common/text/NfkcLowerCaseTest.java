package dev.categorizer.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NfkcLowerCaseTest {

    @Test
    void equalsTheNormalizerForEveryBmpCharacterInContext() {
        List<String> differences = new ArrayList<>();
        for (int c = 0x80; c <= 0xFFFF; c++) {
            String ch = String.valueOf((char) c);
            for (String text : List.of("Ab" + ch + "Cd", "\u00C9" + ch + "z", ch + "e", ch + ch + "\u2019Q")) {
                if (!NfkcLowerCase.apply(text).equals(NfkcLowerCase.full(text))) {
                    differences.add(String.format("U+%04X in \"%s\"", c, text));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void skipsTheNormalizerForCommonNonAsciiText() {
        assertThat(NfkcLowerCase.tryWithoutNormalizer("It\u2019s \u00C9T\u00C9 \u2014 na\u00EFve \u0416\u0423\u041A"))
                .isEqualTo("it\u2019s \u00E9t\u00E9 \u2014 na\u00EFve \u0436\u0443\u043A");
        assertThat(NfkcLowerCase.tryWithoutNormalizer("a\u00A0b \uFB01ne \uFF21"))
                .as("no-break space, ligature and full-width letter map to ASCII on their own")
                .isEqualTo("a b fine a");
    }

    @Test
    void leavesCombiningAndContextualCharactersToTheNormalizer() {
        assertThat(NfkcLowerCase.tryWithoutNormalizer("e\u0301")).isNull();
        assertThat(NfkcLowerCase.tryWithoutNormalizer("\u039F\u0394\u039F\u03A3")).isNull(); // final sigma
        assertThat(NfkcLowerCase.apply("\u039F\u0394\u039F\u03A3")).isEqualTo("\u03BF\u03B4\u03BF\u03C2");
        assertThat(NfkcLowerCase.apply("e\u0301")).isEqualTo("\u00E9");
        assertThat(NfkcLowerCase.apply("\uD835\uDC00")).isEqualTo("a"); // mathematical bold A
    }
}
