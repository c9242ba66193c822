package dev.categorizer.sql.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.model.trust.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL may name model locations under the configured roots only. */
class ModelAccessTest {
    @TempDir
    Path tmp;

    private ModelAccess rootedAt(String... roots) {
        return ModelAccess.of(List.of(roots), TrustedKeys.none());
    }

    @Test
    void aLocationUnderARootIsAllowed() throws IOException {
        Files.createDirectories(tmp.resolve("models/films"));
        String location = tmp.resolve("models/films").toString();
        assertThat(rootedAt(tmp.resolve("models").toString()).check(location)).isEqualTo(location);
        assertThat(rootedAt("s3://bucket/models").check("s3://bucket/models/films")).isEqualTo("s3://bucket/models/films");
    }

    @Test
    void aLocationOutsideEveryRootIsRefused() {
        assertThatThrownBy(() -> rootedAt(tmp.resolve("models").toString()).check("/etc"))
                .hasMessageContaining("is not under a model root");
        assertThatThrownBy(() -> rootedAt(tmp.resolve("models").toString()).check(tmp.resolve("models-other").toString()))
                .hasMessageContaining("is not under a model root");
        assertThatThrownBy(() -> rootedAt("s3://bucket/models").check("s3://bucket/secrets/x"))
                .hasMessageContaining("is not under a model root");
        assertThatThrownBy(() -> rootedAt("s3://bucket/models").check("/tmp/x"))
                .hasMessageContaining("is not under a model root");
    }

    @Test
    void parentSegmentsAreRefusedEvenWhenTheyLandInARoot() {
        String root = tmp.resolve("models").toString();
        assertThatThrownBy(() -> rootedAt(root).check(root + "/../models/films")).hasMessageContaining("contains '..'");
        assertThatThrownBy(() -> rootedAt("s3://b/models").check("s3://b/models/../x")).hasMessageContaining("'..'");
    }

    @Test
    void aSymbolicLinkOutOfARootIsRefused() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("models"));
        Path outside = Files.createDirectories(tmp.resolve("private/bundle"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        assertThatThrownBy(() -> rootedAt(root.toString()).check(root.resolve("escape").toString()))
                .hasMessageContaining("is not under a model root");
    }

    @Test
    void withNoRootEveryLocationIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> rootedAt().check(tmp.toString()))
                .hasMessageContaining("no model root is configured")
                .hasMessageContaining("categorizer.model.roots");
    }
}
