package dev.categorizer.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.categorizer.common.codec.Json;
import org.junit.jupiter.api.Test;

class EvaluationResultTest {

    @Test
    void jsonIsOneLineWithTheSummaryKeysAndPerLabelScores() throws Exception {
        String json = MultiLabelEvaluationTest.handExample().toJson();

        assertThat(json).doesNotContain("\n");
        JsonNode root = Json.mapper().readTree(json);
        assertThat(root.get("micro_f1").doubleValue()).isEqualTo(0.6);
        assertThat(root.get("macro_f1").doubleValue()).isEqualTo(0.375);
        assertThat(root.get("p_at_1").doubleValue()).isEqualTo(0.4);
        assertThat(root.get("docs").longValue()).isEqualTo(5);
        assertThat(root.get("labels").intValue()).isEqualTo(4);
        assertThat(root.get("per_label")).hasSize(4);
        JsonNode b = root.get("per_label").get(1);
        assertThat(b.get("label").textValue()).isEqualTo("b");
        assertThat(b.get("f1").doubleValue()).isEqualTo(0.5);
        assertThat(b.get("support").longValue()).isEqualTo(2);
    }

    @Test
    void tableListsEveryLabelThenTheSummary() {
        String table = MultiLabelEvaluationTest.handExample().toTable();

        assertThat(table.lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).matches("label\\s+precision\\s+recall\\s+f1\\s+support"));
        assertThat(table).containsPattern("(?m)^b\\s+0\\.5000\\s+0\\.5000\\s+0\\.5000\\s+2$");
        assertThat(table).containsPattern("(?m)^d\\s+0\\.0000\\s+0\\.0000\\s+0\\.0000\\s+0$");
        assertThat(table).contains("micro F1  0.6000", "macro F1  0.3750", "P@1       0.4000");
    }
}
