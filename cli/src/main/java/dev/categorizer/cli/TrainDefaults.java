package dev.categorizer.cli;

import dev.categorizer.common.text.TextConfig;
import dev.categorizer.jobs.train.TrainJob;
import dev.categorizer.model.train.HyperParameters;
import java.util.Map;
import picocli.CommandLine;

/**
 * Defaults of the training options, read from {@link HyperParameters#defaults()}, {@link TextConfig#defaults()}
 * and {@link TrainJob} so that the numbers live in one place; picocli shows them in {@code --help}.
 */
final class TrainDefaults implements CommandLine.IDefaultValueProvider {

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        HyperParameters hp = HyperParameters.defaults();
        TextConfig text = TextConfig.defaults();
        return Map.ofEntries(
                Map.entry("--epochs", Integer.toString(hp.epochs())),
                Map.entry("--hidden", Integer.toString(hp.hidden())),
                Map.entry("--batch-size", Integer.toString(hp.batchSize())),
                Map.entry("--learning-rate", Float.toString(hp.learningRate())),
                Map.entry("--dropout", Float.toString(hp.dropout())),
                Map.entry("--input-dropout", Float.toString(hp.inputDropout())),
                Map.entry("--weight-decay", Float.toString(hp.weightDecay())),
                Map.entry("--subnetworks", Integer.toString(hp.subnetworks())),
                Map.entry("--balanced-macro-weight", Float.toString(hp.balancedMacroWeight())),
                Map.entry("--threshold-bags", Integer.toString(hp.thresholdBags())),
                Map.entry("--positive-weight-power", Float.toString(hp.positiveWeightPower())),
                Map.entry("--learning-rate-decay", Float.toString(hp.learningRateDecay())),
                Map.entry("--weight-average-epochs", Float.toString(hp.weightAverageEpochs())),
                Map.entry("--seed", Long.toString(hp.seed())),
                Map.entry("--validation-fraction", Float.toString(hp.validationFraction())),
                Map.entry("--patience", Integer.toString(hp.patience())),
                Map.entry("--tokenizer", text.tokenizer().name().toLowerCase(java.util.Locale.ROOT)),
                Map.entry("--min-df", Long.toString(TrainJob.DEFAULT_MIN_DF)),
                Map.entry("--max-df-fraction", Double.toString(TrainJob.DEFAULT_MAX_DF_FRACTION)),
                Map.entry("--max-vocabulary", Integer.toString(TrainJob.DEFAULT_MAX_VOCABULARY)),
                Map.entry("--checkpoint-interval", TrainJob.DEFAULT_CHECKPOINT_INTERVAL.toSeconds() + "s"));
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (argSpec instanceof CommandLine.Model.OptionSpec option) {
            return DEFAULTS.get(option.longestName());
        }
        return null;
    }
}
