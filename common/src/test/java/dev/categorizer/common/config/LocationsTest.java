package dev.categorizer.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "s3://AKIA:abc@bucket/models/v1 | s3://******@bucket/models/v1",
        "kafka://user:pass@host:9092/videos | kafka://******@host:9092/videos",
        "kafka://user:p@ss@host:9092/videos | kafka://******@host:9092/videos",
        "https://token@example.com/a?x=1 | https://******@example.com/a?x=1",
        "https://example.com/a?sv=1&token=abc&api-key=k2 | https://example.com/a?sv=1&token=******&api-key=******",
        "kafka://broker-1:9092,broker-2:9092/videos | kafka://broker-1:9092,broker-2:9092/videos",
        "s3://bucket/path/with@sign/file.jsonl | s3://bucket/path/with@sign/file.jsonl",
        "data/sample/test.jsonl | data/sample/test.jsonl",
        "/tmp/a@b?c | /tmp/a@b?c",
    })
    void hidesUserInfoAndSecretQueryValues(String location, String shown) {
        assertThat(Locations.redact(location)).isEqualTo(shown);
    }
}
