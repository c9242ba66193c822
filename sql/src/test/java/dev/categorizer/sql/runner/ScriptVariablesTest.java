package dev.categorizer.sql.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptVariablesTest {

    @Test
    void replacesGivenValuesAndDefaults() {
        String sql = "SELECT '${MODEL_PATH}', '${DATA_DIR:-data/sample}', '${LIMIT:-20}'";
        assertThat(ScriptVariables.substitute(sql, Map.of("MODEL_PATH", "models/a", "LIMIT", "5")))
                .isEqualTo("SELECT 'models/a', 'data/sample', '5'");
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertThat(ScriptVariables.substitute("${P}", Map.of("P", "C:\\dir\\$1"))).isEqualTo("C:\\dir\\$1");
    }

    @Test
    void anEmptyDefaultIsAllowed() {
        assertThat(ScriptVariables.substitute("[${X:-}]", Map.of())).isEqualTo("[]");
    }

    @Test
    void missingValuesAreAllNamedWithTheOptionToPass() {
        assertThatThrownBy(() -> ScriptVariables.substitute("${MODEL_A} ${MODEL_B} ${MODEL_A} ${D:-x}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The script uses ${MODEL_A}, ${MODEL_B} without a value or default:"
                        + " pass -D MODEL_A=... -D MODEL_B=....");
    }
}
