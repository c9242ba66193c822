package dev.categorizer.cli;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Video;
import dev.categorizer.flink.bundle.LocalBundle;
import dev.categorizer.model.explain.Explainer;
import dev.categorizer.model.explain.ExplanationJson;
import dev.categorizer.model.explain.VideoExplanation;
import dev.categorizer.model.predict.Predictor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code categorizer explain}: why a video gets its categories. For each predicted category, its score and the
 * words and tags that pushed it most, with their contribution to the category's logit (gradient x input, exact for
 * this network: the contributions, the other words' and the bias add up to the logit; see {@link Explainer}).
 * Runs in this JVM, no Flink job: it is for looking at a few videos.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Explains the predictions of a model bundle: for each predicted category, its score and the words and "
                    + "tags that pushed it most, with their contribution to the category's logit (gradient x input, "
                    + "exact for this network: bias + contributions = logit).",
            "Example: categorizer explain --model models/films --title \"Saving Private Ryan\" "
                    + "--description \"Soldiers search for a paratrooper in Normandy.\" --tags war",
            "         categorizer explain --model models/films --input data/sample/test.jsonl --top 3 --json"
        })
public final class ExplainCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model bundle directory (local path or file system URI such as s3://...).")
    String model;

    @Option(names = "--title", paramLabel = "TEXT", description = "Title of the video to explain.")
    String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "Description of the video to explain.")
    String description;

    @Option(names = "--tags", paramLabel = "TAG", description = "A tag of the video to explain; repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", defaultValue = "video",
            description = "Id printed for the video of --title/--description/--tags (default: ${DEFAULT-VALUE}).")
    String id;

    @Option(names = "--input", paramLabel = "FILE",
            description = "A local file of videos as JSON lines, instead of --title/--description/--tags.")
    Path input;

    @Option(names = "--top", paramLabel = "K", defaultValue = "" + Explainer.DEFAULT_TOP,
            description = "Words or tags listed per category (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "One JSON line per video (id, model_version, known_features, and per "
            + "category label, score, logit, bias, rest, explanation: [{word, field, contribution}]).")
    boolean json;

    @Mixin
    TrustOptions trust = new TrustOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Video> videos = videos();
        if (top < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--top must be >= 0, got " + top);
        PrintStream out = System.out;
        try (LocalBundle dir = LocalBundle.of(model); Predictor predictor = Predictor.load(dir.directory(), trust.keys())) {
            Explainer explainer = new Explainer(predictor);
            List<VideoExplanation> explained = explainer.explain(videos, top);
            for (int i = 0; i < videos.size(); i++) {
                out.print(json ? ExplanationJson.encode(explained.get(i)) + "\n"
                        : ExplanationText.format(videos.get(i), explained.get(i)));
            }
        }
        out.flush();
        return 0;
    }

    /** The videos to explain: those of --input, or the one of --title, --description and --tags. */
    private List<Video> videos() throws java.io.IOException {
        boolean oneVideo = title != null || description != null || !tags.isEmpty();
        if (input != null && oneVideo) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--input explains the videos of a file: give it, or --title/--description/--tags, not both");
        }
        if (input != null) return JsonLinesFiles.readVideos(input);
        if (!oneVideo) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to explain: give --title, --description and/or --tags, or --input FILE");
        }
        return List.of(Video.unlabelled(id, title, description, tags));
    }
}
