package dev.categorizer.jobs.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    @Test
    void holdsOutAboutTheFractionAndAlwaysTheSameIds() {
        ValidationSplit split = new ValidationSplit(42, 0.1);
        List<String> ids = IntStream.range(0, 10_000).mapToObj(i -> "video-" + i).toList();
        long held = ids.stream().filter(split::isValidation).count();
        assertThat(held).isBetween(900L, 1100L);
        List<String> first = ids.stream().filter(split::isValidation).toList();
        assertThat(ids.stream().filter(new ValidationSplit(42, 0.1)::isValidation).toList()).isEqualTo(first);
    }

    @Test
    void anotherSeedHoldsOutOtherIds() {
        List<String> ids = IntStream.range(0, 1000).mapToObj(i -> "video-" + i).toList();
        List<String> a = ids.stream().filter(new ValidationSplit(1, 0.2)::isValidation).toList();
        List<String> b = ids.stream().filter(new ValidationSplit(2, 0.2)::isValidation).toList();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void positionsAreInTheUnitInterval() {
        ValidationSplit split = new ValidationSplit(7, 0.5);
        IntStream.range(0, 1000).forEach(i -> assertThat(split.position("x" + i)).isBetween(0.0, 0.9999999));
    }
}
