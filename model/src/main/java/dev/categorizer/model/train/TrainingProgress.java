package dev.categorizer.model.train;

/**
 * Where a training run is after a step.
 *
 * @param epoch 1-based epoch of the step just run
 * @param step 1-based step within the epoch
 * @param stepsPerEpoch steps in one epoch
 * @param loss mean training loss of the epoch so far
 * @param validationMicroF1 micro-F1 on validation at the end of an epoch, NaN within an epoch
 * @param epochEnded whether this step ended an epoch
 * @param elapsedMillis training time so far
 * @param remainingMillis estimated time to the last epoch of the current phase
 * @param refit whether the step belongs to the refit phase (training and validation examples, fixed epochs)
 */
public record TrainingProgress(
        int epoch,
        int step,
        int stepsPerEpoch,
        double loss,
        double validationMicroF1,
        boolean epochEnded,
        long elapsedMillis,
        long remainingMillis,
        boolean refit) {

    /** A one-line human summary, such as the demo prints at every epoch. */
    public String describe() {
        return String.format(
                "%sepoch %d  loss %.4f  validation micro-F1 %s  elapsed %.1fs  left ~%.0fs",
                refit ? "refit " : "", epoch, loss,
                Double.isNaN(validationMicroF1) ? "-" : String.format("%.4f", validationMicroF1),
                elapsedMillis / 1000.0, remainingMillis / 1000.0);
    }
}
