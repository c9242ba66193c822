package dev.categorizer.jobs.train;

import dev.categorizer.common.codec.Json;
import dev.categorizer.common.config.Locations;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.vocab.TermCount;
import dev.categorizer.jobs.io.VideoFiles;
import dev.categorizer.jobs.sink.FileSinks;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Stage A of training, a BATCH job: reads the training (and validation) videos, runs the text pipeline in
 * parallel, writes the prepared documents as JSON lines, writes dead letters, and counts document frequencies,
 * labels and records in keyed state; the counts come back to the client.
 */
final class PrepareStage {

    private final String train;
    private final String validation;
    private final TextConfig textConfig;
    private final String preparedDirectory;
    private final String deadLetterDirectory;
    private final int parallelism;
    private final Configuration configuration;

    PrepareStage(String train, String validation, TextConfig textConfig, String preparedDirectory,
            String deadLetterDirectory, int parallelism, Configuration configuration) {
        this.train = train;
        this.validation = validation;
        this.textConfig = textConfig;
        this.preparedDirectory = preparedDirectory;
        this.deadLetterDirectory = deadLetterDirectory;
        this.parallelism = parallelism;
        this.configuration = configuration;
    }

    PreparedData run() throws Exception {
        Configuration conf = new Configuration(configuration);
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        if (parallelism > 0) {
            env.setParallelism(parallelism);
        }
        String trainDirectory = preparedDirectory + "/train";
        String validationDirectory = validation == null ? null : preparedDirectory + "/validation";

        SingleOutputStreamOperator<String> trainDocs = prepare(env, train, true, trainDirectory);
        DataStream<String> countKeys = trainDocs.getSideOutput(PrepareFunction.COUNT_KEYS);
        DataStream<String> deadLetters = trainDocs.getSideOutput(PrepareFunction.DEAD_LETTERS);
        if (validation != null) {
            SingleOutputStreamOperator<String> validationDocs = prepare(env, validation, false, validationDirectory);
            countKeys = countKeys.union(validationDocs.getSideOutput(PrepareFunction.COUNT_KEYS));
            deadLetters = deadLetters.union(validationDocs.getSideOutput(PrepareFunction.DEAD_LETTERS));
        }
        deadLetters.sinkTo(FileSinks.jsonLines(deadLetterDirectory, "dead-letters"))
                .name("dead letters: " + Locations.redact(deadLetterDirectory));
        DataStream<Tuple2<String, Long>> counts = countKeys
                .keyBy(key -> key, Types.STRING)
                .process(new DocumentFrequencyCounter())
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .name("count documents per term and label");

        // The counts go to a file rather than to a collect sink: a file also works under `flink run`, and the
        // embedded cluster stops as soon as the job ends, which a collecting client would race with.
        String countsDirectory = preparedDirectory + "/counts";
        counts.map(PrepareStage::toJson)
                .returns(Types.STRING)
                .name("counts to JSON")
                .sinkTo(FileSinks.jsonLines(countsDirectory, "counts"))
                .name("counts: " + Locations.redact(countsDirectory));
        env.execute("categorizer train: prepare " + Locations.redact(train));
        return collect(PreparedFiles.readLines(countsDirectory), trainDirectory, validationDirectory);
    }

    private static String toJson(Tuple2<String, Long> count) {
        try {
            return Json.mapper().writeValueAsString(new Object[] {count.f0, count.f1});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // strings and numbers always serialize
        }
    }

    private SingleOutputStreamOperator<String> prepare(
            StreamExecutionEnvironment env, String path, boolean training, String outputDirectory) {
        SingleOutputStreamOperator<String> documents = VideoFiles.read(env, path)
                .process(new PrepareFunction(textConfig, training))
                .name(training ? "prepare training documents" : "prepare validation documents");
        documents.sinkTo(FileSinks.jsonLines(outputDirectory, "documents"))
                .name("prepared documents: " + Locations.redact(outputDirectory));
        return documents;
    }

    private static PreparedData collect(List<String> lines, String trainDirectory, String validationDirectory)
            throws java.io.IOException {
        List<TermCount> terms = new ArrayList<>();
        SortedMap<String, Long> labels = new TreeMap<>();
        long trainDocuments = 0;
        long validationDocuments = 0;
        long deadLetters = 0;
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode pair = Json.mapper().readTree(line);
            String key = pair.get(0).asText();
            long count = pair.get(1).asLong();
            if (CountKeys.isTerm(key)) {
                terms.add(new TermCount(CountKeys.name(key), count));
            } else if (CountKeys.isLabel(key)) {
                labels.put(CountKeys.name(key), count);
            } else if (key.equals(CountKeys.TRAIN_DOCUMENTS)) {
                trainDocuments = count;
            } else if (key.equals(CountKeys.VALIDATION_DOCUMENTS)) {
                validationDocuments = count;
            } else if (key.equals(CountKeys.DEAD_LETTERS)) {
                deadLetters = count;
            }
        }
        return new PreparedData(trainDirectory, validationDirectory, terms, labels, trainDocuments,
                validationDocuments, deadLetters);
    }
}
