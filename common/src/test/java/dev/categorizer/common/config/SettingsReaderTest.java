package dev.categorizer.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    private static final Set<String> KEYS = Set.of("flag", "count", "size", "ratio", "unit", "name");

    @Test
    void readsTypedValuesAndDefaults() {
        SettingsReader in = SettingsReader.of("Thing",
                Map.of("flag", "TRUE", "count", " 42 ", "size", "9000000000", "ratio", "0.25", "unit", "seconds"), KEYS);

        assertThat(in.bool("flag", false)).isTrue();
        assertThat(in.integer("count", 0)).isEqualTo(42);
        assertThat(in.longInteger("size", 0)).isEqualTo(9_000_000_000L);
        assertThat(in.decimal("ratio", 0)).isEqualTo(0.25);
        assertThat(in.enumValue("unit", TimeUnit.class, TimeUnit.DAYS)).isEqualTo(TimeUnit.SECONDS);
        assertThat(in.string("name", "default")).isEqualTo("default");
    }

    @Test
    void rejectsUnknownKeysNamingTheKnownOnes() {
        assertThatThrownBy(() -> SettingsReader.of("Thing", Map.of("flga", "true"), KEYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown Thing key 'flga'")
                .hasMessageContaining("count, flag, name, ratio, size, unit");
    }

    @Test
    void rejectsMalformedValues() {
        SettingsReader in = SettingsReader.of("Thing",
                Map.of("flag", "yes", "count", "4.5", "ratio", "NaN", "unit", "fortnights"), KEYS);

        assertThatThrownBy(() -> in.bool("flag", false)).hasMessage("Thing key 'flag' must be true or false, got 'yes'");
        assertThatThrownBy(() -> in.integer("count", 0)).hasMessage("Thing key 'count' must be an integer, got '4.5'");
        assertThatThrownBy(() -> in.decimal("ratio", 0)).hasMessage("Thing key 'ratio' must be a number, got 'NaN'");
        assertThatThrownBy(() -> in.enumValue("unit", TimeUnit.class, TimeUnit.DAYS))
                .hasMessageStartingWith("Thing key 'unit' must be one of NANOSECONDS, ");
    }
}
