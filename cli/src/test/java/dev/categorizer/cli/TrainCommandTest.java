package dev.categorizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.text.TextConfig;
import dev.categorizer.common.text.TokenizerKind;
import dev.categorizer.model.train.HyperParameters;
import dev.categorizer.model.train.ThresholdStrategy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainCommandTest {

    private static TrainCommand parse(String... args) {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void defaultsComeFromTheDefaultObjects() {
        TrainCommand c = parse("--train", "in.jsonl", "--model", "m");
        HyperParameters hp = HyperParameters.defaults();
        assertThat(c.epochs).isEqualTo(hp.epochs());
        assertThat(c.hidden).isEqualTo(hp.hidden());
        assertThat(c.batchSize).isEqualTo(hp.batchSize());
        assertThat(c.learningRate).isEqualTo(hp.learningRate());
        assertThat(c.dropout).isEqualTo(hp.dropout());
        assertThat(c.seed).isEqualTo(hp.seed());
        assertThat(c.validationFraction).isEqualTo(hp.validationFraction());
        assertThat(c.patience).isEqualTo(hp.patience());
        assertThat(c.positiveWeightPower).isEqualTo(hp.positiveWeightPower());
        assertThat(c.learningRateDecay).isEqualTo(hp.learningRateDecay());
        assertThat(c.weightAverageEpochs).isEqualTo(hp.weightAverageEpochs());
        assertThat(c.inputDropout).isEqualTo(hp.inputDropout());
        assertThat(c.noTopLabelFallback).isEqualTo(!hp.topLabelFallback());
        assertThat(c.weightDecay).isEqualTo(hp.weightDecay());
        assertThat(c.balancedMacroWeight).isEqualTo(hp.balancedMacroWeight());
        assertThat(c.thresholdBags).isEqualTo(hp.thresholdBags());
        assertThat(c.subnetworks).isEqualTo(hp.subnetworks());
        assertThat(c.noTitleWords).isFalse(); // title features and symbols as the defaults have them
        assertThat(c.noSymbols).isFalse();
        assertThat(c.tokenizer).isEqualTo(TextConfig.defaults().tokenizer());
        assertThat(c.checkpointInterval).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.minDf).isEqualTo(2);
        assertThat(c.maxVocabulary).isEqualTo(200_000);
    }

    @Test
    void readsEveryOption() {
        TrainCommand c = parse("--train", "in/", "--validation", "val.jsonl", "--model", "s3://b/m", "--epochs", "3",
                "--hidden", "64", "--batch-size", "32", "--learning-rate", "0.01", "--dropout", "0.2", "--seed", "7",
                "--validation-fraction", "0.2", "--patience", "2", "--min-df", "3", "--max-df-fraction", "0.5",
                "--max-vocabulary", "1000", "--tokenizer", "MODEL", "--bigrams", "--remove-stop-words", "--no-tags", "--no-tag-words",
                "--threshold-strategy", "PER_LABEL", "--no-refit", "--positive-weight-power", "0.5",
                "--learning-rate-decay", "0.9", "--no-title-words", "--no-symbols", "--weight-average-epochs", "2",
                "--input-dropout", "0.25", "--no-top-label-fallback", "--weight-decay", "0.05", "--balanced-macro-weight", "0.5", "--threshold-bags", "20", "--no-tag-field-words", "--subnetworks", "2",
                "--parallelism", "4", "--work-dir", "w", "--checkpoint-interval", "500ms", "--checkpoint-dir", "file:///tmp/ckpt",
                "--dead-letter", "dl");
        assertThat(c.validation).isEqualTo("val.jsonl");
        assertThat(c.tokenizer).isEqualTo(TokenizerKind.MODEL);
        assertThat(c.checkpointInterval).isEqualTo(Duration.ofMillis(500));
        assertThat(c.bigrams).isTrue();
        assertThat(c.removeStopWords).isTrue();
        assertThat(c.noTags).isTrue();
        assertThat(c.noTagWords).isTrue();
        assertThat(c.thresholdStrategy).isEqualTo(ThresholdStrategy.PER_LABEL);
        assertThat(c.noRefit).isTrue();
        assertThat(c.positiveWeightPower).isEqualTo(0.5f);
        assertThat(c.learningRateDecay).isEqualTo(0.9f);
        assertThat(c.weightAverageEpochs).isEqualTo(2f);
        assertThat(c.inputDropout).isEqualTo(0.25f);
        assertThat(c.noTopLabelFallback).isTrue();
        assertThat(c.weightDecay).isEqualTo(0.05f);
        assertThat(c.balancedMacroWeight).isEqualTo(0.5f);
        assertThat(c.thresholdBags).isEqualTo(20);
        assertThat(c.subnetworks).isEqualTo(2);
        assertThat(c.noTagFieldWords).isTrue();
        assertThat(c.noTitleWords).isTrue();
        assertThat(c.noSymbols).isTrue();
        assertThat(c.parallelism).isEqualTo(4);
        assertThat(c.checkpointDir).isEqualTo("file:///tmp/ckpt");
        assertThat(c.job()).isNotNull(); // every value is accepted by the builders
    }

    @Test
    void theFormerSwitchesForTitleFeaturesSymbolsAndTheFallbackStillParseAndKeepThemOn() {
        TrainCommand c = parse("--train", "in/", "--model", "m", "--title-words", "--symbols", "--top-label-fallback", "--tag-field-words");
        assertThat(c.noTitleWords).isFalse();
        assertThat(c.noSymbols).isFalse();
        assertThat(c.noTopLabelFallback).isFalse();
        assertThat(c.noTagFieldWords).isFalse();
        assertThat(c.job()).isNotNull();
    }

    @Test
    void everyOptionIsDescribedInTheHelp() {
        CommandLine cli = new CommandLine(new TrainCommand());
        cli.getCommandSpec().options().forEach(o ->
                assertThat(o.description()).as(o.longestName()).isNotEmpty());
        StringWriter help = new StringWriter();
        cli.usage(new PrintWriter(help));
        assertThat(help.toString()).contains("--checkpoint-interval", "--dead-letter", "Default: 10s");
    }

    @Test
    void rejectsAnUnknownTokenizer() {
        CommandLine cli = new CommandLine(new TrainCommand());
        int code = cli.setErr(new PrintWriter(new StringWriter()))
                .execute("--train", "x", "--model", "m", "--tokenizer", "whitespace");
        assertThat(code).isEqualTo(2);
    }
}
