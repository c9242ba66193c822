package dev.categorizer.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.JavaSerialization;
import dev.categorizer.common.record.Video;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextPipelineTest {

    private static final Video VIDEO = Video.unlabelled("1",
            "The Best Hotel in Paris",
            "A <b>great</b> stay at the hotel! Visit https://example.com in 2024.",
            List.of("Travel", "New Year's Eve", "#Paris", "2024", "hotel"));

    @Test
    void removesStopWordsWhenAskedThenAddsTags() {
        List<String> features = new TextPipeline(TextConfig.builder().titleWords(false).removeStopWords(true).symbols(false).tagFieldWords(false).build()).features(VIDEO);

        assertThat(features).containsExactly(
                "best", "hotel", "paris",
                "great", "stay", "hotel", "visit",
                "travel", "new", "year", "eve", "paris", "hotel",
                "#travel", "#new_year's_eve", "#paris", "#hotel");
    }

    @Test
    void titleWordsAreAlsoFeaturesOfTheirOwnRightAfterTheTitle() {
        List<String> features = new TextPipeline(TextConfig.builder().removeStopWords(true).titleWords(true).symbols(false).tagFieldWords(false).build())
                .features(VIDEO);

        assertThat(features).containsExactly(
                "best", "hotel", "paris", "^best", "^hotel", "^paris",
                "great", "stay", "hotel", "visit",
                "travel", "new", "year", "eve", "paris", "hotel",
                "#travel", "#new_year's_eve", "#paris", "#hotel");
    }

    @Test
    void tagWordsAreAlsoTagFeaturesOfTheirOwnEachAfterItsWord() {
        TextConfig config = TextConfig.builder().removeStopWords(true).titleWords(false).symbols(false)
                .tagFieldWords(true).build();
        List<String> features = new TextPipeline(config).features(VIDEO);

        assertThat(features).containsExactly(
                "best", "hotel", "paris",
                "great", "stay", "hotel", "visit",
                "travel", "#travel", "new", "#new", "year", "#year", "eve", "#eve", "paris", "#paris", "hotel", "#hotel",
                "#travel", "#new_year's_eve", "#paris", "#hotel"); // each tag word, then as a tag feature; the tags
        assertThat(TextConfig.defaults().tagFieldWords()).isTrue();
        assertThat(config.toMap()).containsEntry("tag_field_words", "true");
        assertThat(TextConfig.fromMap(config.toMap())).isEqualTo(config);
        assertThat(TextConfig.builder().tagFieldWords(false).build().toMap()).doesNotContainKey("tag_field_words");
        Video nonLatin = Video.unlabelled("2", "", "", List.of("škoda rally", "café"));
        assertThat(new TextPipeline(config).features(nonLatin))
                .containsExactly("škoda", "#škoda", "rally", "#rally", "café", "#café", "#škoda_rally", "#café");
    }

    @Test
    void titleWordsOfTextOutsideLatin1AndOfBigramsArePrefixedToo() {
        Video video = Video.unlabelled("2", "Łódź nights", "", List.of());
        assertThat(new TextPipeline(TextConfig.builder().titleWords(true).build()).features(video))
                .containsExactly("łódź", "nights", "^łódź", "^nights");
        assertThat(new TextPipeline(TextConfig.builder().titleWords(true).bigrams(true).build()).features(video))
                .containsExactly("łódź", "nights", "łódź nights", "^łódź", "^nights", "^łódź nights");
    }

    @Test
    void symbolsAreOneFeaturePerRunAfterTheirFieldsWords() {
        Video video = Video.unlabelled("3", "Wow!! Really?!", "so funny \uD83D\uDE02\uD83D\uDE02 \u2764\uFE0F\u2764 ok? "
                + "see https://example.com/?q=1 <b title=\"?\">!</b>", List.of("what?!"));
        List<String> features = new TextPipeline(TextConfig.builder().titleWords(false).symbols(true).tagFieldWords(false).build()).features(video);

        assertThat(features).containsExactly(
                "wow", "really", "!", "?", "!",
                "so", "funny", "ok", "see", "\uD83D\uDE02", "\u2764", "?", "!",
                "what", "#what?!"); // a tag's words and the tag, as without symbols: tags have no symbol features
    }

    @Test
    void symbolsAreOnByDefaultAndOffLeavesTheWords() {
        Video video = Video.unlabelled("4", "Wow!!", "so funny \uD83D\uDE02", List.of());
        assertThat(new TextPipeline(TextConfig.builder().titleWords(false).symbols(false).build()).features(video))
                .containsExactly("wow", "so", "funny");
        assertThat(new TextPipeline(TextConfig.defaults()).features(video))
                .containsExactly("wow", "!", "^wow", "so", "funny", "\uD83D\uDE02");
        assertThat(new TextPipeline(TextConfig.builder().titleWords(true).build()).features(video))
                .containsExactly("wow", "!", "^wow", "so", "funny", "\uD83D\uDE02");
    }

    @Test
    void tagWordsCanBeTurnedOffLeavingOnlyWholeTags() {
        List<String> features = new TextPipeline(TextConfig.builder().titleWords(false).removeStopWords(true).tagWords(false).symbols(false).build()).features(VIDEO);

        assertThat(features).containsExactly(
                "best", "hotel", "paris",
                "great", "stay", "hotel", "visit",
                "#travel", "#new_year's_eve", "#paris", "#hotel");
    }

    @Test
    void keepsStopWordsWhenAskedButStillDropsShortTokens() {
        TextPipeline pipeline = new TextPipeline(TextConfig.builder().titleWords(false).removeStopWords(false).tags(false).symbols(false).build());

        assertThat(pipeline.features(VIDEO)).containsExactly(
                "the", "best", "hotel", "in", "paris",
                "great", "stay", "at", "the", "hotel", "visit", "in");
    }

    @Test
    void minTokenLengthCountsCodePoints() {
        TextPipeline one = new TextPipeline(TextConfig.builder().titleWords(false).minTokenLength(1).removeStopWords(false).tags(false).build());
        TextPipeline three = new TextPipeline(TextConfig.builder().titleWords(false).minTokenLength(3).tags(false).build());
        Video video = Video.unlabelled("2", "a ox 年 \uD840\uDC00 \uD840\uDC00\uD840\uDC01", "", List.of());

        assertThat(one.features(video)).containsExactly("a", "ox", "年", "\uD840\uDC00", "\uD840\uDC00\uD840\uDC01");
        assertThat(new TextPipeline(TextConfig.builder().titleWords(false).build()).features(video)).containsExactly("ox", "\uD840\uDC00\uD840\uDC01");
        assertThat(three.features(VIDEO)).doesNotContain("ox").contains("best");
    }

    @Test
    void bigramsJoinAdjacentKeptWordsWithinEachField() {
        TextPipeline pipeline = new TextPipeline(TextConfig.builder().titleWords(false).removeStopWords(true).bigrams(true).tags(false).symbols(false).build());

        assertThat(pipeline.features(VIDEO)).containsExactly(
                "best", "hotel", "paris", "best hotel", "hotel paris",
                "great", "stay", "hotel", "visit", "great stay", "stay hotel", "hotel visit");
    }

    @Test
    void tagsAreOneFeatureEachAndDistinctFromWords() {
        TextPipeline pipeline = new TextPipeline(TextConfig.builder().titleWords(false).tagWords(false).build());
        List<String> features = pipeline.features(Video.unlabelled("3", "hotel", "", List.of("Hotel", "  Beach   Life ", "#", "")));

        assertThat(features).containsExactly("hotel", "#hotel", "#beach_life");
        assertThat(pipeline.tagFeature("#Music")).isEqualTo(pipeline.tagFeature("music")).isEqualTo("#music");
        assertThat(pipeline.tagFeature("Caf&eacute; 24/7")).isEqualTo("#café_/");
        assertThat(pipeline.tagFeature("123")).isNull();
    }

    @Test
    void tagsCanBeTurnedOff() {
        TextPipeline pipeline = new TextPipeline(TextConfig.builder().titleWords(false).tags(false).build());

        assertThat(pipeline.features(VIDEO)).noneMatch(f -> f.startsWith("#"));
    }

    @Test
    void emptyVideoHasNoFeatures() {
        assertThat(new TextPipeline(TextConfig.defaults()).features(new Video("4", null, null, null, null))).isEmpty();
    }

    @Test
    void modelTokenizerPipelineWorks() {
        TextPipeline pipeline = new TextPipeline(TextConfig.builder().tokenizer(TokenizerKind.MODEL).removeStopWords(true).tags(false).build());

        assertThat(pipeline.features(VIDEO)).contains("best", "hotel", "paris", "great", "stay").doesNotContain("the");
    }

    @Test
    void wordsGivesOneFieldsKeptWords() {
        assertThat(new TextPipeline(TextConfig.builder().removeStopWords(true).build()).words("The Best of the Best")).containsExactly("best", "best");
    }

    @Test
    void survivesSerializationWithTheSameFeatures() {
        TextPipeline pipeline = new TextPipeline(TextConfig.builder().bigrams(true).tokenizer(TokenizerKind.MODEL).build());
        TextPipeline copy = JavaSerialization.roundTrip(pipeline);

        assertThat(copy.config()).isEqualTo(pipeline.config());
        assertThat(copy.features(VIDEO)).isEqualTo(pipeline.features(VIDEO));
    }

    @Test
    void fieldWordsAreTheSameOnTheOnePassAndTheCleaningPaths() {
        String[] texts = {"Star Wars: Episode IV (1977)", "Visit http://example.com/a?b=c or WWW.X.ORG now",
            "caf\u00e9 au lait", "Tom &amp; Jerry", "a <i>b</i> c", "R2-D2 and C-3PO", "  ", "x", "it's a 1st"};
        for (TextConfig config : List.of(TextConfig.builder().titleWords(false).build(),
                TextConfig.builder().titleWords(false).minTokenLength(1).build(),
                TextConfig.builder().titleWords(false).removeStopWords(true).build())) {
            TextPipeline pipeline = new TextPipeline(config);
            for (String text : texts) {
                List<String> words = pipeline.words(text); // cleans, then tokenizes the cleaned text
                assertThat(pipeline.features(Video.unlabelled("t", text, "", List.of()))).as(text).isEqualTo(words);
                assertThat(pipeline.features(Video.unlabelled("d", "", text, List.of()))).as(text).isEqualTo(words);
            }
        }
    }
}
