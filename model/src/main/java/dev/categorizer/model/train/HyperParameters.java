package dev.categorizer.model.train;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the network and its training. Immutable.
 *
 * <pre>{@code
 * HyperParameters hp = HyperParameters.builder().hidden(512).epochs(20).seed(42).build();
 * }</pre>
 */
public final class HyperParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int hidden;
    private final int epochs;
    private final int batchSize;
    private final float learningRate;
    private final float dropout;
    private final float inputDropout;
    private final boolean topLabelFallback;
    private final float weightDecay;
    private final float balancedMacroWeight;
    private final int thresholdBags;
    private final long seed;
    private final float validationFraction;
    private final int patience;
    private final ThresholdStrategy thresholdStrategy;
    private final boolean refit;
    private final float positiveWeightPower;
    private final float learningRateDecay;
    private final float weightAverageEpochs;
    private final int subnetworks;

    private HyperParameters(Builder b) {
        this.hidden = positive("hidden", b.hidden);
        this.epochs = positive("epochs", b.epochs);
        this.batchSize = positive("batchSize", b.batchSize);
        this.learningRate = b.learningRate;
        this.dropout = b.dropout;
        this.inputDropout = b.inputDropout;
        this.topLabelFallback = b.topLabelFallback;
        this.weightDecay = b.weightDecay;
        this.balancedMacroWeight = b.balancedMacroWeight;
        this.thresholdBags = b.thresholdBags;
        if (thresholdBags < 0 || thresholdBags > 1000) {
            throw new IllegalArgumentException("thresholdBags must be in [0, 1000], got " + thresholdBags);
        }
        if (!(balancedMacroWeight >= 0 && balancedMacroWeight <= 10)) {
            throw new IllegalArgumentException("balancedMacroWeight must be in [0, 10], got " + balancedMacroWeight);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weightDecay must be in [0, 1), got " + weightDecay);
        }
        this.seed = b.seed;
        this.validationFraction = b.validationFraction;
        this.patience = positive("patience", b.patience);
        this.thresholdStrategy = java.util.Objects.requireNonNull(b.thresholdStrategy, "thresholdStrategy");
        this.refit = b.refit;
        this.positiveWeightPower = b.positiveWeightPower;
        this.learningRateDecay = b.learningRateDecay;
        this.weightAverageEpochs = b.weightAverageEpochs;
        this.subnetworks = b.subnetworks;
        if (subnetworks < 1 || subnetworks > 16 || hidden % subnetworks != 0) {
            throw new IllegalArgumentException("subnetworks must be in [1, 16] and divide hidden (" + hidden
                    + "), got " + subnetworks);
        }
        if (!(weightAverageEpochs >= 0 && weightAverageEpochs <= 1000)) {
            throw new IllegalArgumentException("weightAverageEpochs must be in [0, 1000], got " + weightAverageEpochs);
        }
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new IllegalArgumentException("learningRateDecay must be in (0, 1], got " + learningRateDecay);
        }
        if (!(positiveWeightPower >= 0 && positiveWeightPower <= 1)) {
            throw new IllegalArgumentException("positiveWeightPower must be in [0, 1], got " + positiveWeightPower);
        }
        if (!(learningRate > 0)) throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        if (!(inputDropout >= 0 && inputDropout < 1)) {
            throw new IllegalArgumentException("inputDropout must be in [0, 1), got " + inputDropout);
        }
        if (validationFraction <= 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
        }
    }

    private static int positive(String name, int value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + value);
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static HyperParameters defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        return builder().hidden(hidden).epochs(epochs).batchSize(batchSize).learningRate(learningRate)
                .dropout(dropout).seed(seed).validationFraction(validationFraction).patience(patience)
                .thresholdStrategy(thresholdStrategy).refit(refit).positiveWeightPower(positiveWeightPower)
                .learningRateDecay(learningRateDecay).weightAverageEpochs(weightAverageEpochs)
                .inputDropout(inputDropout).topLabelFallback(topLabelFallback).weightDecay(weightDecay)
                .balancedMacroWeight(balancedMacroWeight).thresholdBags(thresholdBags).subnetworks(subnetworks);
    }

    /** Units in the hidden layer. */
    public int hidden() { return hidden; }
    /** Most passes over the training data; training may stop earlier (see {@link #patience()}). */
    public int epochs() { return epochs; }
    public int batchSize() { return batchSize; }
    public float learningRate() { return learningRate; }
    /** Dropout rate on the hidden layer during training. */
    public float dropout() { return dropout; }
    /**
     * Dropout rate on the input features during training: each non-zero of a video is dropped with this
     * probability in each step, the others scaled by 1 / (1 - rate); 0 turns it off.
     */
    public float inputDropout() { return inputDropout; }
    /**
     * Whether training may give a video none of whose labels clears its threshold its best-scoring label: it does
     * so if that raises, on validation, what the thresholds were tuned for (the model records the outcome).
     */
    public boolean topLabelFallback() { return topLabelFallback; }
    /**
     * Decoupled weight decay of the first layer (AdamW's), lazy like its Adam update: each step, the rows of the
     * step's features also shrink by {@code learningRate x weightDecay} of themselves; 0 turns it off.
     */
    public float weightDecay() { return weightDecay; }
    /** With {@link ThresholdStrategy#BALANCED}, the weight of macro-F1 beside micro-F1 in what the thresholds tune. */
    public float balancedMacroWeight() { return balancedMacroWeight; }
    /**
     * Bootstrap resamples of the validation set whose tuned thresholds are averaged into the model's (less noise
     * where validation is small); 0 tunes them once on the whole set.
     */
    public int thresholdBags() { return thresholdBags; }
    /**
     * Independent sub-networks the hidden layer is split into: each of {@code hidden / subnetworks} units and its
     * own second layer, trained on its own loss, and the model's logits the mean of theirs (an ensemble that
     * serves as one network of {@code hidden} units: the bundle and the cost of scoring are the same); 1 is one
     * network.
     */
    public int subnetworks() { return subnetworks; }
    public long seed() { return seed; }
    /** Share of the training data held out for validation when no validation set is given. */
    public float validationFraction() { return validationFraction; }
    /** Epochs without a better validation F1 before training stops. */
    public int patience() { return patience; }
    /** How decision thresholds are tuned on validation. */
    public ThresholdStrategy thresholdStrategy() { return thresholdStrategy; }
    /**
     * Whether, when the validation set was held out of the training set, a second pass trains fresh weights on
     * both for the best number of epochs found, keeping the thresholds tuned on validation: the final model then
     * learns from every labelled example, which matters most for rare labels.
     */
    public boolean refit() { return refit; }
    /**
     * Label-frequency-aware loss: a label's positive examples weigh {@code max(1, ((n - k) / k)^power)} in the
     * binary cross-entropy, where k of the n training examples have the label, so rare labels are not drowned by
     * their negatives. 0 (every example weighs 1) turns it off.
     */
    public float positiveWeightPower() { return positiveWeightPower; }
    /**
     * The learning rate of epoch e (0-based, of each phase: training, then refit) is
     * {@code learningRate * learningRateDecay^e}; 1 keeps it constant.
     */
    public float learningRateDecay() { return learningRateDecay; }
    /**
     * Weight averaging: the model is an exponential moving average of the weights along the training steps with a
     * horizon of this many epochs (of each phase; the first such stretch of steps averages with equal weights),
     * used for early stopping, thresholds and the bundle; 0 turns it off (the model is the last weights). The
     * bundle has the same size either way.
     */
    public float weightAverageEpochs() { return weightAverageEpochs; }
    /** The learning rate of the 0-based epoch {@code epoch} of a phase. */
    public float learningRate(int epoch) {
        return learningRateDecay == 1f ? learningRate : (float) (learningRate * Math.pow(learningRateDecay, epoch));
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hidden", Integer.toString(hidden));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("learning_rate", Float.toString(learningRate));
        m.put("dropout", Float.toString(dropout));
        m.put("seed", Long.toString(seed));
        m.put("validation_fraction", Float.toString(validationFraction));
        m.put("patience", Integer.toString(patience));
        m.put("threshold_strategy", thresholdStrategy.name());
        m.put("refit", Boolean.toString(refit));
        // Only when on: a manifest without the key is what builds before the setting existed can read.
        if (positiveWeightPower != 0) m.put("positive_weight_power", Float.toString(positiveWeightPower));
        if (learningRateDecay != 1) m.put("learning_rate_decay", Float.toString(learningRateDecay));
        if (weightAverageEpochs != 0) m.put("weight_average_epochs", Float.toString(weightAverageEpochs));
        if (inputDropout != 0) m.put("input_dropout", Float.toString(inputDropout));
        if (topLabelFallback) m.put("top_label_fallback", "true");
        if (weightDecay != 0) m.put("weight_decay", Float.toString(weightDecay));
        if (balancedMacroWeight != 1) m.put("balanced_macro_weight", Float.toString(balancedMacroWeight));
        if (thresholdBags != 0) m.put("threshold_bags", Integer.toString(thresholdBags));
        if (subnetworks != 1) m.put("subnetworks", Integer.toString(subnetworks));
        return m;
    }

    /**
     * The inverse of {@link #toMap()}; a missing key takes its default, except {@code positive_weight_power},
     * {@code learning_rate_decay}, {@code weight_average_epochs}, {@code input_dropout}, {@code top_label_fallback} and {@code weight_decay},
     * which manifests written before they existed lack: missing, they are off, as those models were trained.
     */
    public static HyperParameters fromMap(Map<String, String> m) {
        Builder b = builder().positiveWeightPower(0f).learningRateDecay(1f).weightAverageEpochs(0f).inputDropout(0f)
                .topLabelFallback(false).weightDecay(0f).thresholdBags(0).subnetworks(1);
        for (Map.Entry<String, String> e : m.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "hidden" -> b.hidden(Integer.parseInt(v));
                case "epochs" -> b.epochs(Integer.parseInt(v));
                case "batch_size" -> b.batchSize(Integer.parseInt(v));
                case "learning_rate" -> b.learningRate(Float.parseFloat(v));
                case "dropout" -> b.dropout(Float.parseFloat(v));
                case "seed" -> b.seed(Long.parseLong(v));
                case "validation_fraction" -> b.validationFraction(Float.parseFloat(v));
                case "patience" -> b.patience(Integer.parseInt(v));
                case "threshold_strategy" -> b.thresholdStrategy(ThresholdStrategy.valueOf(v));
                case "refit" -> b.refit(Boolean.parseBoolean(v));
                case "positive_weight_power" -> b.positiveWeightPower(Float.parseFloat(v));
                case "learning_rate_decay" -> b.learningRateDecay(Float.parseFloat(v));
                case "weight_average_epochs" -> b.weightAverageEpochs(Float.parseFloat(v));
                case "input_dropout" -> b.inputDropout(Float.parseFloat(v));
                case "top_label_fallback" -> b.topLabelFallback(Boolean.parseBoolean(v));
                case "weight_decay" -> b.weightDecay(Float.parseFloat(v));
                case "balanced_macro_weight" -> b.balancedMacroWeight(Float.parseFloat(v));
                case "threshold_bags" -> b.thresholdBags(Integer.parseInt(v));
                case "subnetworks" -> b.subnetworks(Integer.parseInt(v));
                default -> throw new IllegalArgumentException("unknown hyper-parameter '" + e.getKey() + "'");
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperParameters h && toMap().equals(h.toMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toMap());
    }

    @Override
    public String toString() {
        return "HyperParameters" + toMap();
    }

    /**
     * Builder of {@link HyperParameters}. The defaults were measured on Reuters, TMDB and GoEmotions (see
     * BENCHMARKS.md): 256 hidden units score as well as 512 or 1024 with a smaller bundle (and 128 or 512 lost TMDB
     * micro-F1 in issue 14's fourth round); BALANCED thresholds with the top-label fallback, issue 14. A patience of 8 epochs finds later
     * optima that 4 missed on Reuters (best epoch 23 instead of 14: micro-F1 0.866 instead of 0.860).
     */
    public static final class Builder {
        private int hidden = 256;
        private int epochs = 30;
        private int batchSize = 64;
        private float learningRate = 0.002f;
        private float dropout = 0.5f;
        private long seed = 42;
        private float validationFraction = 0.1f;
        private int patience = 8;
        // BALANCED: with symbol features, GoEmotions +2.4 macro-F1 points on validation over MICRO, the other
        // sets within their seeds' spread (BENCHMARKS.md, issue 14).
        private ThresholdStrategy thresholdStrategy = ThresholdStrategy.BALANCED;
        private boolean refit = true;
        private float positiveWeightPower = 0f;
        private float learningRateDecay = 1f;
        private float weightAverageEpochs = 0f;
        private float inputDropout = 0f;
        // On: Reuters +0.6 micro / +2.6 macro F1 points on validation, the other sets level (BENCHMARKS.md, issue 14).
        private boolean topLabelFallback = true;
        private float weightDecay = 0f;
        private float balancedMacroWeight = 1f;
        private int thresholdBags = 0;
        private int subnetworks = 1;

        public Builder hidden(int v) { hidden = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder learningRate(float v) { learningRate = v; return this; }
        public Builder dropout(float v) { dropout = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder validationFraction(float v) { validationFraction = v; return this; }
        public Builder patience(int v) { patience = v; return this; }
        public Builder thresholdStrategy(ThresholdStrategy v) { thresholdStrategy = v; return this; }
        public Builder refit(boolean v) { refit = v; return this; }
        public Builder positiveWeightPower(float v) { positiveWeightPower = v; return this; }
        public Builder learningRateDecay(float v) { learningRateDecay = v; return this; }
        public Builder weightAverageEpochs(float v) { weightAverageEpochs = v; return this; }
        /** Dropout rate on the input features, in [0, 1); see {@link HyperParameters#inputDropout()}. */
        public Builder inputDropout(float v) { inputDropout = v; return this; }
        /** Whether validation may turn on the top-label fallback; see {@link HyperParameters#topLabelFallback()}. */
        public Builder topLabelFallback(boolean v) { topLabelFallback = v; return this; }
        /** First-layer weight decay, in [0, 1); see {@link HyperParameters#weightDecay()}. */
        public Builder weightDecay(float v) { weightDecay = v; return this; }
        /** BALANCED's weight of macro-F1, in [0, 10]; see {@link HyperParameters#balancedMacroWeight()}. */
        public Builder balancedMacroWeight(float v) { balancedMacroWeight = v; return this; }
        /** Bootstrap bags for the thresholds, in [0, 1000]; see {@link HyperParameters#thresholdBags()}. */
        public Builder thresholdBags(int v) { thresholdBags = v; return this; }
        /** Sub-networks, in [1, 16], dividing the hidden units; see {@link HyperParameters#subnetworks()}. */
        public Builder subnetworks(int v) { subnetworks = v; return this; }

        public HyperParameters build() {
            return new HyperParameters(this);
        }
    }
}
