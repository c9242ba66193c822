package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.categorizer.common.codec.Json;
import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Contribution;
import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Video;
import dev.categorizer.jobs.testutil.ModelFixture;
import dev.categorizer.model.explain.Explainer;
import dev.categorizer.model.explain.Explanation;
import dev.categorizer.model.predict.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code categorizer explain} on a model trained by the fixtures: one video from options as text, a file of videos
 * as JSON lines whose parts add up to each logit, and a refused bundle as one line with exit code 1.
 */
class ExplainCommandITCase {

    @TempDir
    static Path dir;

    static Path bundle;
    static List<Video> videos;

    @BeforeAll
    static void setUp() {
        bundle = ModelFixture.tinyModel();
        videos = ModelFixture.sampleTest(30);
    }

    @Test
    void explainsOneVideoFromTheOptionsAsText() {
        Video video = videos.stream().filter(v -> !v.tags().isEmpty()).findFirst().orElse(videos.get(0));
        List<Explanation> expected = explainDirectly(List.of(video), 2).get(0);
        assertThat(expected).as("the fixture video gets a category").isNotEmpty();
        String[] args = {"explain", "--model", bundle.toString(), "--title", video.title(), "--description",
            video.description(), "--top", "2"};
        for (String tag : video.tags()) {
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--tags", tag))
                    .toArray(String[]::new);
        }

        Run run = run(args);

        assertThat(run.code).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines.get(0)).startsWith("video");
        for (Explanation e : expected) {
            String line = lines.stream().filter(l -> l.trim().startsWith(e.label() + " ")).findFirst().orElseThrow();
            assertThat(line).contains(String.format(java.util.Locale.ROOT, "%.2f", e.score()));
            for (Contribution c : e.top()) {
                assertThat(line).contains(String.format(java.util.Locale.ROOT, "%+.2f \"%s\" (%s)", c.contribution(),
                        c.word(), c.field()));
            }
        }
        assertThat(run.out).contains("logit ").contains(" = bias ");
    }

    @Test
    void explainsAFileOfVideosAsJsonLinesWhosePartsAddUpToTheLogit() throws Exception {
        Path input = dir.resolve("videos.jsonl");
        JsonLinesFiles.writeVideos(videos, input);
        List<List<Explanation>> expected = explainDirectly(videos, 3);

        Run run = run("explain", "--model", bundle.toString(), "--input", input.toString(), "--top", "3", "--json");

        assertThat(run.code).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines).hasSize(videos.size());
        int explainedWords = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode json = Json.mapper().readTree(lines.get(i));
            assertThat(json.get("id").asText()).isEqualTo(videos.get(i).id());
            JsonNode categories = json.get("categories");
            assertThat(categories).hasSize(expected.get(i).size());
            for (int c = 0; c < categories.size(); c++) {
                JsonNode category = categories.get(c);
                assertThat(category.get("label").asText()).isEqualTo(expected.get(i).get(c).label());
                double total = category.get("bias").asDouble() + category.get("rest").asDouble();
                double magnitude = Math.abs(category.get("bias").asDouble()) + Math.abs(category.get("rest").asDouble());
                // a category can be over its threshold on the biases alone (a frequent label): no word then
                assertThat(category.get("explanation").size()).isBetween(0, 3);
                explainedWords += category.get("explanation").size();
                for (JsonNode word : category.get("explanation")) {
                    total += word.get("contribution").asDouble();
                    magnitude += Math.abs(word.get("contribution").asDouble());
                }
                assertThat(Explainer.addsUp(total, category.get("logit").asDouble(), magnitude)).isTrue();
                assertThat(category.get("score").asDouble())
                        .isCloseTo(1 / (1 + Math.exp(-category.get("logit").asDouble())), within(1e-5));
            }
        }
        assertThat(explainedWords).isPositive();
        try (Predictor predictor = Predictor.load(bundle)) { // the categories are those of score
            List<String> first = predictor.predict(List.of(videos.get(0))).get(0).categories().stream()
                    .map(LabelScore::label).toList();
            assertThat(expected.get(0)).extracting(Explanation::label).containsExactlyElementsOf(first);
        }
    }

    @Test
    void aDirectoryThatIsNoBundleIsOneLineAndExitCode3() throws Exception {
        Path notABundle = Files.createDirectories(dir.resolve("not-a-bundle"));

        Run run = run("explain", "--model", notABundle.toString(), "--title", "a space crew");

        assertThat(run.code).isEqualTo(CategorizerCli.REFUSED_BUNDLE);
        assertThat(run.err.lines().toList()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("categorizer explain: ").contains("missing manifest.json"));
    }

    @Test
    void nothingToExplainIsAUsageError() {
        Run run = run("explain", "--model", bundle.toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("nothing to explain: give --title, --description and/or --tags, or --input FILE");
    }

    private static List<List<Explanation>> explainDirectly(List<Video> videos, int top) {
        try (Predictor predictor = Predictor.load(bundle)) {
            return new Explainer(predictor).explain(videos, top).stream().map(v -> v.categories()).toList();
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = CategorizerCli.run(args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        stdout.print(out.toString(StandardCharsets.UTF_8));
        stderr.print(err.toString(StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
