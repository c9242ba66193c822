package dev.categorizer.common.metrics;

import java.io.Serializable;

/**
 * One epoch of a training run, as the model bundle's manifest keeps it ({@code training_history}) and the
 * evaluation report draws it.
 *
 * <pre>{@code
 * new EpochMetrics(EpochMetrics.TRAIN, 3, 0.081, 0.62); // third epoch, validation micro-F1 0.62
 * new EpochMetrics(EpochMetrics.REFIT, 1, 0.090, null); // refit epochs have no validation
 * }</pre>
 *
 * @param phase {@link #TRAIN} (validated every epoch) or {@link #REFIT} (on training and validation data)
 * @param epoch 1-based within the phase
 * @param loss mean training loss of the epoch
 * @param validationMicroF1 validation micro-F1 at the epoch's end, or null in the refit phase
 */
public record EpochMetrics(String phase, int epoch, double loss, Double validationMicroF1) implements Serializable {
    public static final String TRAIN = "train";
    public static final String REFIT = "refit";
}
