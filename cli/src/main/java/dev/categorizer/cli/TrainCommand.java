package dev.categorizer.cli;

import dev.categorizer.cli.progress.ProgressReporter;
import dev.categorizer.cli.progress.TrainingProgressLine;
import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TokenizerKind;
import dev.categorizer.common.vocab.VocabularySelector;
import dev.categorizer.jobs.progress.LocalProgress;
import dev.categorizer.jobs.train.TrainJob;
import dev.categorizer.jobs.train.TrainResult;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.ThresholdStrategy;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code categorizer train}: trains a model bundle from labelled videos with {@link TrainJob}. Runs on an embedded
 * Flink MiniCluster from the command line, or on the cluster under {@code flink run}.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        defaultValueProvider = TrainDefaults.class,
        description = "Trains a model bundle from labelled videos (JSON lines or Parquet) as Flink jobs.")
public final class TrainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--train", required = true, paramLabel = "PATH",
            description = "Training videos: a JSON-lines or Parquet file or directory, local or a Flink URI.")
    String train;

    @Option(names = "--validation", paramLabel = "PATH",
            description = "Validation videos; without them --validation-fraction of the training set is held out.")
    String validation;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model location, local or a Flink URI: the bundle is published there as a new version "
                    + "(versions/<version>/) and the CURRENT pointer switches to it once it is verified.")
    String model;

    @Option(names = "--epochs", paramLabel = "N", description = "Most passes over the training data.")
    int epochs;

    @Option(names = "--hidden", paramLabel = "N", description = "Units in the hidden layer.")
    int hidden;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per mini-batch.")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "F", description = "Adam learning rate.")
    float learningRate;

    @Option(names = "--learning-rate-decay", paramLabel = "F",
            description = "The learning rate of each epoch is the previous one's times F (the refit starts again "
                    + "from --learning-rate); 1 keeps it constant. In (0, 1].")
    float learningRateDecay;

    @Option(names = "--weight-average-epochs", paramLabel = "F",
            description = "Weight averaging: the model is a moving average of the weights along the training steps "
                    + "with a horizon of F epochs (used for early stopping, the thresholds and the bundle, whose "
                    + "size does not change); 0 turns it off. Needs --train-parallelism 1.")
    float weightAverageEpochs;

    @Option(names = "--dropout", paramLabel = "F", description = "Dropout rate on the hidden layer, in [0, 1).")
    float dropout;

    @Option(names = "--balanced-macro-weight", paramLabel = "F",
            description = "With --threshold-strategy BALANCED, the weight of macro-F1 beside micro-F1 (1) in what "
                    + "the thresholds are tuned for. In [0, 10].")
    float balancedMacroWeight;

    @Option(names = "--threshold-bags", paramLabel = "N",
            description = "Average the thresholds tuned on N bootstrap resamples of the validation set (less noise "
                    + "where it is small); 0 tunes them once. In [0, 1000].")
    int thresholdBags;

    @Option(names = "--subnetworks", paramLabel = "K",
            description = "Split the hidden layer into K sub-networks trained side by side, each on its own loss, "
                    + "and score with the mean of their logits (an ensemble with the bundle and scoring cost of one "
                    + "network). K divides --hidden; 1 is one network. In [1, 16].")
    int subnetworks;

    @Option(names = "--weight-decay", paramLabel = "F",
            description = "Decoupled weight decay of the first layer (AdamW's, on the rows each step touches); "
                    + "0 turns it off. In [0, 1).")
    float weightDecay;

    @Option(names = "--no-top-label-fallback",
            description = "Never give a video none of whose categories clears its threshold its best-scoring one "
                    + "(by default training does so if that raises the validation F1 the thresholds are tuned "
                    + "for, and the model records whether).")
    boolean noTopLabelFallback;

    @Option(names = "--input-dropout", paramLabel = "F",
            description = "Dropout rate on the input features: in each training step each word (feature) of a video "
                    + "is left out with this probability; 0 turns it off. In [0, 1).")
    float inputDropout;

    @Option(names = "--positive-weight-power", paramLabel = "F",
            description = "Label-frequency-aware loss: a label's positive examples weigh max(1, (negatives / "
                    + "positives)^F) in the loss; 0 turns it off. In [0, 1].")
    float positiveWeightPower;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of initialisation, shuffling, dropout and the validation split.")
    long seed;

    @Option(names = "--validation-fraction", paramLabel = "F",
            description = "Share of the training set held out when no --validation is given.")
    float validationFraction;

    @Option(names = "--patience", paramLabel = "N", description = "Epochs without a better validation F1 before stopping.")
    int patience;

    @Option(names = "--min-df", paramLabel = "N", description = "Drop terms in fewer training documents than this.")
    long minDf;

    @Option(names = "--max-df-fraction", paramLabel = "F",
            description = "Drop terms in more than this fraction of the training documents.")
    double maxDfFraction;

    @Option(names = "--max-vocabulary", paramLabel = "N", description = "Keep at most this many terms, the most frequent.")
    int maxVocabulary;

    @Option(names = "--tokenizer", paramLabel = "simple|model", converter = TokenizerConverter.class,
            description = "simple: split at character-class changes; model: OpenNLP English tokenizer (slower).")
    TokenizerKind tokenizer;

    @Option(names = "--bigrams", description = "Add word pairs to the features.")
    boolean bigrams;

    @Option(names = "--remove-stop-words", description = "Drop English stop words (they are kept by default).")
    boolean removeStopWords;

    @Option(names = "--no-tags", description = "Ignore the tags of the videos.")
    boolean noTags;

    @Option(names = "--no-tag-words",
            description = "Use each tag only as one whole feature, not also its words as words.")
    boolean noTagWords;

    @Option(names = "--no-title-words", description = "Do not make each title word also a feature of its own "
            + "(^word), apart from the same word elsewhere.")
    boolean noTitleWords;

    @Option(names = "--no-tag-field-words", description = "Do not make each word of a tag also a tag feature of "
            + "its own (#word), apart from the same word in the description.")
    boolean noTagFieldWords;

    @Option(names = "--no-symbols", description = "Do not make each run of '!', of '?' and of an emoji (or "
            + "another symbol) in the title and description a feature of its own.")
    boolean noSymbols;

    // Commands written when title features and symbols were options (BENCHMARKS.md quotes some) still run: the
    // old switches are accepted and ask for what the defaults now do.
    @Option(names = "--title-words", hidden = true, description = "On by default (accepted for older commands).")
    boolean formerTitleWordsSwitch;

    @Option(names = "--symbols", hidden = true, description = "On by default (accepted for older commands).")
    boolean formerSymbolsSwitch;

    @Option(names = "--tag-field-words", hidden = true, description = "On by default (accepted for older commands).")
    boolean formerTagFieldWordsSwitch;

    @Option(names = "--top-label-fallback", hidden = true, description = "On by default (accepted for older commands).")
    boolean formerTopLabelFallbackSwitch;

    @Option(names = "--no-refit", description = "Keep the model trained without the held-out validation part, "
            + "instead of training it again on all the training data for the best number of epochs.")
    boolean noRefit;

    @Option(names = "--threshold-strategy", paramLabel = "GLOBAL|PER_LABEL|SHRUNK|MICRO|BALANCED",
            description = "How decision thresholds are tuned on validation (see ThresholdStrategy).")
    ThresholdStrategy thresholdStrategy = HyperParameters.defaults().thresholdStrategy();

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Parallelism of the prepare stage; default: Flink's.")
    Integer parallelism;

    @Option(names = "--train-parallelism", paramLabel = "N",
            description = "Replicas that train side by side, each on its share of the batches, merging their weights "
                    + "every --sync-steps batches (default: 1). The same seed and training parallelism give the "
                    + "same model.")
    Integer trainParallelism;

    @Option(names = "--sync-steps", paramLabel = "N",
            description = "Batches each training replica runs between two merges of their weights (default: "
                    + dev.categorizer.model.train.Replicas.DEFAULT_SYNC_STEPS + ").")
    Integer syncSteps;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Prepared documents, vocabulary and checkpoints; a temporary directory if unset. "
                    + "On a cluster: a directory every task manager sees.")
    String workDir;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often training is checkpointed (e.g. 10s, 500ms).")
    Duration checkpointInterval;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Where training checkpoints go (any Flink file system); default <work-dir>/checkpoints.")
    String checkpointDir;

    @Option(names = "--dead-letter", paramLabel = "DIR",
            description = "Directory for rejected records as JSON lines; default <work-dir>/dead-letters.")
    String deadLetter;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "Ed25519 private key (PKCS#8 PEM, e.g. from `categorizer keygen` or `openssl genpkey "
                    + "-algorithm ed25519`) that signs the bundle; scorers that trust its public key accept it.")
    String signKey;

    @Option(names = "--keep-versions", paramLabel = "N", defaultValue = "3",
            description = "Published versions kept at the model path, the one in service among them "
                    + "(default: ${DEFAULT-VALUE}).")
    int keepVersions;

    @Override
    public Integer call() throws Exception {
        TrainJob job;
        try {
            job = job();
        } catch (IllegalArgumentException e) { // options out of range: a usage error (exit code 2)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Preflight.inputPresent("--train", train);
        Preflight.inputPresent("--validation", validation);
        Preflight.outputWritable("--model", model);
        Preflight.outputWritable("--work-dir", workDir);
        Preflight.outputWritable("--dead-letter", deadLetter);
        if (signKey != null) Preflight.inputPresent("--sign-key", signKey);
        TrainResult result;
        TensorFlowPreload.startIfLocal(
                org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment());
        LocalProgress.reset();
        try (ProgressReporter bar = ProgressReporter.start(new TrainingProgressLine(LocalProgress::training, batchSize,
                trainParallelism == null ? 1 : trainParallelism))) {
            result = job.run(); // a failure: one line from FailureReport (exit code 1)
        }
        System.out.println();
        System.out.print(result.summary());
        return 0;
    }

    TrainJob job() {
        TextConfig defaults = TextConfig.defaults();
        TextConfig text = defaults.toBuilder()
                .tokenizer(tokenizer)
                .bigrams(bigrams || defaults.bigrams())
                .removeStopWords(removeStopWords || defaults.removeStopWords())
                .tags(!noTags && defaults.tags())
                .tagWords(!noTagWords && defaults.tagWords())
                .titleWords(!noTitleWords && defaults.titleWords())
                .tagFieldWords(!noTagFieldWords && defaults.tagFieldWords())
                .symbols(!noSymbols && defaults.symbols())
                .build();
        HyperParameters hp = HyperParameters.builder()
                .epochs(epochs)
                .hidden(hidden)
                .batchSize(batchSize)
                .learningRate(learningRate)
                .dropout(dropout)
                .inputDropout(inputDropout)
                .weightDecay(weightDecay)
                .subnetworks(subnetworks)
                .balancedMacroWeight(balancedMacroWeight)
                .thresholdBags(thresholdBags)
                .topLabelFallback(!noTopLabelFallback && HyperParameters.defaults().topLabelFallback())
                .seed(seed)
                .validationFraction(validationFraction)
                .patience(patience)
                .thresholdStrategy(thresholdStrategy)
                .refit(!noRefit && HyperParameters.defaults().refit())
                .positiveWeightPower(positiveWeightPower)
                .learningRateDecay(learningRateDecay)
                .weightAverageEpochs(weightAverageEpochs)
                .build();
        return TrainJob.builder()
                .configuration(EmbeddedCluster.configuration())
                .clientProgress(System.out::println) // the epochs of a job on a cluster (flink run)
                .train(train)
                .validation(validation)
                .model(model)
                .workDir(workDir)
                .deadLetters(deadLetter)
                .hyperParameters(hp)
                .textConfig(text)
                .vocabularySelector(VocabularySelector.builder()
                        .minDocumentFrequency(minDf)
                        .maxDocumentFraction(maxDfFraction)
                        .maxSize(maxVocabulary)
                        .build())
                .parallelism(parallelism == null ? -1 : parallelism)
                .trainingParallelism(trainParallelism == null ? 1 : trainParallelism)
                .syncSteps(syncSteps == null ? dev.categorizer.model.train.Replicas.DEFAULT_SYNC_STEPS : syncSteps)
                .checkpointInterval(checkpointInterval)
                .checkpointDirectory(checkpointDir)
                .signingKeyFile(signKey)
                .keepVersions(keepVersions)
                .build();
    }

    /** Accepts the tokenizer names in any case. */
    static final class TokenizerConverter implements picocli.CommandLine.ITypeConverter<TokenizerKind> {
        @Override
        public TokenizerKind convert(String value) {
            try {
                return TokenizerKind.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected simple or model, got '" + value + "'");
            }
        }
    }
}
