package dev.categorizer.model.predict;

/**
 * One video's logits split exactly into what each of its features and the biases contribute (gradient x input,
 * see {@link Predictor#attribute}): for every label {@code c},
 * {@code logits[c] == bias[c] + sum over k of contributions[k][c]} up to float rounding.
 *
 * <pre>{@code
 * Attribution a = predictor.attribute(List.of(vector)).get(0);
 * float pushOfFirstFeatureOnLabel2 = a.contributions()[0][2]; // feature a.features()[0]
 * }</pre>
 *
 * @param features the vocabulary indices of the video's features (those of its vector, ascending)
 * @param contributions [features][labels]: feature {@code k}'s contribution to each label's logit
 * @param bias [labels]: the output bias plus the hidden biases through the active units
 * @param logits [labels]: the logits the network computes in the same call
 * @param scores [labels]: their probabilities, as {@link Predictor#scores} gives them
 */
public record Attribution(int[] features, float[][] contributions, float[] bias, float[] logits, float[] scores) {

    /** {@code bias[label]} plus every feature's contribution to {@code label}, summed in double. */
    public double sum(int label) {
        double total = bias[label];
        for (float[] feature : contributions) total += feature[label];
        return total;
    }
}
