package dev.categorizer.common.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PredictionJsonCodecTest {

    private static final Prediction PREDICTION = new Prediction("v1",
            List.of(new LabelScore("Travel", 0.93), new LabelScore("Food \"&\" Drink", 0.5)),
            "2025-01-01-abc", "2025-06-01T12:00:00Z");

    @Test
    void encodesTheDocumentedShape() {
        assertThat(PredictionJsonCodec.encode(PREDICTION)).isEqualTo("{\"id\":\"v1\",\"categories\":["
                + "{\"label\":\"Travel\",\"score\":0.93},{\"label\":\"Food \\\"&\\\" Drink\",\"score\":0.5}],"
                + "\"model_version\":\"2025-01-01-abc\",\"scored_at\":\"2025-06-01T12:00:00Z\"}");
    }

    @Test
    void writesEveryLineAsJacksonsGeneratorWould() {
        Random random = new Random(11);
        String[] pieces = {"a", "Z", "0", "/", "\"", "\\", "\u0000", "\u0001", "\b", "\t", "\n", "\u000b", "\f",
            "\r", "\u001f", " ", "\u007f", "\u0080", "é", "\u2028", "✓", "\ud83c\udfac", "\ud83c", "\udfac", "&", "<"};
        double[] scores = {0.5, 0.9998473525047302, 1.0E-5, 1.0, 0.0, 0.30000001192092896, 123456789.5, 1.0E21};
        for (int n = 0; n < 2_000; n++) {
            List<LabelScore> categories = new ArrayList<>();
            for (int c = random.nextInt(4); c > 0; c--) {
                categories.add(new LabelScore(text(random, pieces), scores[random.nextInt(scores.length)]));
            }
            Prediction prediction = new Prediction(text(random, pieces), categories,
                    random.nextInt(5) == 0 ? null : text(random, pieces), random.nextInt(5) == 0 ? null : "2026-12-02T19:00:00Z");
            assertThat(PredictionJsonCodec.encode(prediction)).isEqualTo(PredictionJsonCodec.encodeWithJackson(prediction));
        }
    }

    private static String text(Random random, String[] pieces) {
        StringBuilder out = new StringBuilder();
        for (int k = random.nextInt(8); k > 0; k--) out.append(pieces[random.nextInt(pieces.length)]);
        return out.toString();
    }

    @Test
    void roundTrips() {
        assertThat(PredictionJsonCodec.decode(PredictionJsonCodec.encode(PREDICTION))).isEqualTo(PREDICTION);
        Prediction bare = new Prediction("v2", List.of(), null, null);
        assertThat(PredictionJsonCodec.decode(PredictionJsonCodec.encode(bare))).isEqualTo(bare);
    }

    @Test
    void explanationsGoIntoTheirCategoriesAndRoundTrip() {
        Prediction explained = new Prediction("v3", List.of(new LabelScore("War", 0.9), new LabelScore("Drama", 0.6)),
                "m", "t", Map.of("War", List.of(new Contribution("battle", "title", 2.5),
                        new Contribution("#ww2", "tags", 1.25))));
        String json = PredictionJsonCodec.encode(explained);
        assertThat(json).contains("{\"label\":\"War\",\"score\":0.9,\"explanation\":[{\"word\":\"battle\","
                + "\"field\":\"title\",\"contribution\":2.5},{\"word\":\"#ww2\",\"field\":\"tags\","
                + "\"contribution\":1.25}]}").contains("{\"label\":\"Drama\",\"score\":0.6}");
        assertThat(PredictionJsonCodec.decode(json)).isEqualTo(explained);
        assertThatThrownBy(() -> PredictionJsonCodec.decode(
                "{\"id\":\"v\",\"categories\":[{\"label\":\"a\",\"score\":1,\"explanation\":{}}]}"))
                .hasMessage("invalid prediction JSON: explanation of 'a' must be an array");
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> PredictionJsonCodec.decode("{")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid prediction JSON: Unexpected end-of-input");
        assertThatThrownBy(() -> PredictionJsonCodec.decode("[]")).hasMessage("invalid prediction JSON: not an object");
        assertThatThrownBy(() -> PredictionJsonCodec.decode("{\"categories\":[]}"))
                .hasMessage("invalid prediction JSON: missing field 'id'");
        assertThatThrownBy(() -> PredictionJsonCodec.decode("{\"id\":\"v\"}"))
                .hasMessage("invalid prediction JSON: field 'categories' must be an array");
        assertThatThrownBy(() -> PredictionJsonCodec.decode("{\"id\":\"v\",\"categories\":[{\"label\":\"a\",\"score\":\"high\"}]}"))
                .hasMessage("invalid prediction JSON: score of 'a' must be a number");
        assertThatThrownBy(() -> PredictionJsonCodec.decode("{\"id\":\"v\",\"categories\":[],\"model_version\":3}"))
                .hasMessage("invalid prediction JSON: field 'model_version' must be a string");
    }
}
