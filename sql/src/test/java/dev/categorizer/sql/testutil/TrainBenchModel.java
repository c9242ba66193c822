package dev.categorizer.sql.testutil;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Video;
import dev.categorizer.model.train.HyperParameters;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: trains a model for {@code SqlScoringBench} when no {@code categorizer train} bundle is at hand.
 * Arguments: TRAIN.jsonl OUTPUT_DIR [hidden] [epochs]; the last 10% of the file validates.
 */
public final class TrainBenchModel {

    private TrainBenchModel() {}

    public static void main(String[] args) throws Exception {
        List<Video> videos = JsonLinesFiles.readVideos(Path.of(args[0]));
        int hidden = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        HyperParameters hp = HyperParameters.builder().hidden(hidden).epochs(epochs).build();
        TinyModel.trainBundle(videos, videos.size() * 9 / 10, hp, Path.of(args[1]));
        System.out.println("wrote " + args[1] + " (" + videos.size() + " videos, " + hp + ")");
    }
}
