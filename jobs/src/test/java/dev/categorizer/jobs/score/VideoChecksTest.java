package dev.categorizer.jobs.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.Video;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoChecksTest {

    @Test
    void acceptsAVideoWithSomeText() {
        assertThat(VideoChecks.rejection(Video.unlabelled("1", "A title", "", List.of()), 100)).isNull();
        assertThat(VideoChecks.rejection(Video.unlabelled("2", "", "", List.of("tag")), 100)).isNull();
    }

    @Test
    void rejectsEmptyText() {
        assertThat(VideoChecks.rejection(Video.unlabelled("1", " ", "\n", List.of("", " ")), 100))
                .startsWith("empty text");
    }

    @Test
    void countsTheCharactersOfTitleDescriptionAndTags() {
        assertThat(VideoChecks.textChars(Video.unlabelled("1", "12345", "678", List.of("ab", "c")))).isEqualTo(11);
    }

    @Test
    void rejectsTextOverTheLimitCountingTags() {
        Video v = Video.unlabelled("1", "12345", "67890", List.of("ab"));
        assertThat(VideoChecks.rejection(v, 12)).isNull();
        assertThat(VideoChecks.rejection(v, 11)).startsWith("text too long: 12 characters");
    }
}
