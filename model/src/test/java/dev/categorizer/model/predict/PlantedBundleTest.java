package dev.categorizer.model.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.model.bundle.InvalidBundleException;
import dev.categorizer.model.testutil.PlantedBundles;
import dev.categorizer.model.testutil.PlantedBundles.Plant;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A bundle is data: a graph planted in it, checksums recomputed, is refused and never runs. */
class PlantedBundleTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Plant.class)
    void aPlantedGraphIsRefusedNamingItsOperationAndNeverRuns(Plant plant) throws Exception {
        Path marker = tmp.resolve("planted-effect");
        Path bundle = PlantedBundles.plant(tmp.resolve("bundle"), plant, marker);

        // The plant is real: TensorFlow running the bundle's own graph leaves the marker.
        PlantedBundles.runWithTensorFlow(bundle);
        assertThat(plant.effect(marker)).as("the plant works when its graph runs").exists();
        try (var effects = Files.list(tmp)) {
            effects.filter(p -> p.getFileName().toString().startsWith("planted-effect")).forEach(PlantedBundles::deleteTree);
        }

        assertThatThrownBy(() -> Predictor.load(bundle).close())
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("saved_model.pb: refused")
                .hasMessageContaining(plant == Plant.FUNCTION_CALL ? "function" : "'" + plant.operation + "'");
        assertThat(plant.effect(marker)).as("nothing of the planted graph ran").doesNotExist();
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).containsExactly("bundle");
    }
}
