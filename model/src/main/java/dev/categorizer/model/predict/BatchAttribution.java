package dev.categorizer.model.predict;

/**
 * What {@link ServingGraph#attribute} computes for a batch, as arrays straight from TensorFlow.
 *
 * @param logits [rows][labels]: the network's output before the sigmoid
 * @param probabilities [rows][labels]: the sigmoid of the logits, as scoring computes them
 * @param biasPaths [rows][labels]: the part of each logit that no feature carries, {@code b2 + (active * b1)·W2}
 * @param contributions [non-zeros][labels]: each non-zero's share of its row's logits, in the batch's order
 */
record BatchAttribution(float[][] logits, float[][] probabilities, float[][] biasPaths, float[][] contributions) {}
