package dev.categorizer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedDocumentTest {

    @Test
    void roundTripsThroughOneJsonLine() {
        PreparedDocument doc = new PreparedDocument("id \"1\"", List.of("war", "film", "war", "a\nb"), List.of("War"));
        String json = doc.toJson();
        assertThat(json).doesNotContain("\n");
        assertThat(PreparedDocument.fromJson(json)).isEqualTo(doc);
    }

    @Test
    void rejectsOtherLines() {
        assertThatThrownBy(() -> PreparedDocument.fromJson("{\"id\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a prepared document");
    }
}
