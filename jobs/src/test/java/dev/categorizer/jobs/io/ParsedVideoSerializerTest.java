package dev.categorizer.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class ParsedVideoSerializerTest {

    private static ParsedVideo roundTrip(ParsedVideo value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        ParsedVideoSerializer.INSTANCE.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        ParsedVideo back = ParsedVideoSerializer.INSTANCE.deserialize(in);
        assertThat(in.available()).isZero();
        return back;
    }

    @Test
    void roundTripsVideosWithLongText() throws IOException {
        Video video = new Video("ü-1", "Title", "d".repeat(100_000), List.of("a", "b"), List.of("Drama", "War"));
        assertThat(roundTrip(ParsedVideo.ok(video))).isEqualTo(ParsedVideo.ok(video));
    }

    @Test
    void roundTripsDeadLetters() throws IOException {
        ParsedVideo rejected = ParsedVideo.rejected(new DeadLetter("{bad", "malformed JSON", "2024-01-01T00:00:00Z"));
        assertThat(roundTrip(rejected)).isEqualTo(rejected);
    }

    @Test
    void isWhatFlinkExtractsForTheType() {
        assertThat(TypeInformation.of(ParsedVideo.class)).isEqualTo(ParsedVideoTypeInfo.INSTANCE);
    }
}
