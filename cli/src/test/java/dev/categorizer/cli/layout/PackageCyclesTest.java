package dev.categorizer.cli.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageCyclesTest {

    @Test
    void findsEachCycleOnceWithAllItsPackages() {
        Map<String, Set<String>> graph = Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), // a -> b -> c -> a
                "d", Set.of("e"), "e", Set.of("d"),                        // d <-> e
                "f", Set.of("a"));

        assertThat(PackageCycles.of(graph)).containsExactlyInAnyOrder(Set.of("a", "b", "c"), Set.of("d", "e"));
    }

    @Test
    void aGraphThatPointsOneWayHasNone() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b", "c"), "b", Set.of("c"), "c", Set.of("x"));
        assertThat(PackageCycles.of(graph)).isEmpty();
    }
}
