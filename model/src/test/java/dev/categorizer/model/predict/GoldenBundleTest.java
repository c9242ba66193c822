package dev.categorizer.model.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.bundle.InvalidBundleException;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.testutil.PlantedBundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles written by earlier versions, kept in the test resources as they were written: each still loads and
 * scores as it did when written (the scores were recorded then, by that version's loader), or a later format is
 * refused with a message that names its version.
 */
class GoldenBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aFormat1BundleScoresAsItDidWhenWritten() throws IOException {
        assertScoresAsRecorded("format-1");
    }

    @Test
    void aFormat2BundleScoresAsItDidWhenWritten() throws IOException {
        assertScoresAsRecorded("format-2");
    }

    @Test
    void aLaterFormatIsRefusedNamingItsVersion() throws IOException {
        Path bundle = PlantedBundles.copyResource("/bundles/format-2", tmp.resolve("b"));
        Path manifest = bundle.resolve(ModelBundle.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"format_version\" : 2", "\"format_version\" : 3"));
        assertThatThrownBy(() -> Predictor.load(bundle))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("bundle format version 3 is not supported");
    }

    private void assertScoresAsRecorded(String name) throws IOException {
        Path bundle = PlantedBundles.copyResource("/bundles/" + name, tmp.resolve(name));
        List<Video> videos = sampleVideos();
        List<String> recorded = Files.readAllLines(resource("/bundles/" + name + "-scores.tsv"));
        try (Predictor predictor = Predictor.load(bundle)) {
            float[][] scores = predictor.scoreVideos(videos);
            assertThat(scores.length).isEqualTo(recorded.size());
            for (int i = 0; i < scores.length; i++) {
                String[] fields = recorded.get(i).split("\t");
                assertThat(fields[0]).isEqualTo(videos.get(i).id());
                assertThat(scores[i]).hasSize(fields.length - 1);
                for (int j = 0; j < scores[i].length; j++) {
                    assertThat(scores[i][j]).isCloseTo(Float.parseFloat(fields[j + 1]), within(1e-6f));
                }
            }
        }
    }

    /** The first 20 films of the bundled sample's test set, which the scores were recorded on. */
    static List<Video> sampleVideos() throws IOException {
        List<Video> videos = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../data/sample/test.jsonl")).subList(0, 20)) {
            JsonNode n = JSON.readTree(line);
            List<String> tags = new ArrayList<>();
            n.path("tags").forEach(t -> tags.add(t.asText()));
            videos.add(new Video(n.get("id").asText(), n.path("title").asText(), n.path("description").asText(),
                    tags, List.of()));
        }
        return videos;
    }

    private static Path resource(String name) {
        try {
            return Path.of(GoldenBundleTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
