package dev.categorizer.common.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionRuleTest {

    private static final float[] THRESHOLDS = {0.5f, 0.3f, 0.7f};

    @Test
    void predictsEveryLabelAtOrAboveItsThreshold() {
        DecisionRule rule = DecisionRule.of(THRESHOLDS, true);
        assertThat(rule.predicted(new float[] {0.5f, 0.2f, 0.9f})).containsExactly(true, false, true);
    }

    @Test
    void withTheFallbackAVideoBelowEveryThresholdGetsItsBestLabel() {
        float[] scores = {0.4f, 0.1f, 0.6f}; // the first is nearest its threshold, the third scores highest
        assertThat(DecisionRule.of(THRESHOLDS, true).predicted(scores)).containsExactly(false, false, true);
        assertThat(DecisionRule.of(THRESHOLDS, false).predicted(scores)).containsExactly(false, false, false);
    }

    @Test
    void theFallbackAddsNothingWhenALabelClears() {
        float[] scores = {0.1f, 0.3f, 0.69f};
        assertThat(DecisionRule.of(THRESHOLDS, true).predicted(scores)).containsExactly(false, true, false);
    }

    @Test
    void rejectsScoresOfAnotherWidthAndHoldsACopyOfItsThresholds() {
        float[] thresholds = THRESHOLDS.clone();
        DecisionRule rule = DecisionRule.of(thresholds, false);
        thresholds[0] = 0f;
        assertThat(rule.predicted(new float[] {0.1f, 0f, 0f})).containsExactly(false, false, false);
        assertThat(rule).isEqualTo(DecisionRule.of(THRESHOLDS, false)).isNotEqualTo(DecisionRule.of(THRESHOLDS, true));
        assertThatThrownBy(() -> rule.predicted(new float[2])).isInstanceOf(IllegalArgumentException.class);
    }
}
