package dev.categorizer.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.model.testutil.PlantedBundles;
import dev.categorizer.model.testutil.ToyBundle;
import dev.categorizer.model.trust.SigningKey;
import dev.categorizer.model.trust.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With trusted keys, only a bundle whose manifest one of them signed, unchanged since, is read. */
class BundleSignatureTest {
    @TempDir
    Path tmp;

    private SigningKey key(String name) throws IOException {
        return SigningKey.generate(tmp.resolve(name + ".pem"), tmp.resolve(name + ".pub"));
    }

    private TrustedKeys trusting(String... names) {
        return TrustedKeys.read(List.of(names).stream().map(n -> tmp.resolve(n + ".pub")).toList());
    }

    private Path write(String dir, SigningKey key) {
        return ToyBundle.write(tmp.resolve(dir), "t", key);
    }

    @Test
    void aBundleSignedByATrustedKeyIsRead() throws IOException {
        Path bundle = write("m", key("release"));
        assertThat(bundle.resolve(ModelBundle.SIGNATURE)).exists();
        assertThat(ModelBundle.read(bundle, trusting("release")).modelVersion()).isEqualTo("t");
    }

    @Test
    void aKeyReadFromItsFileSignsAsTheGeneratedOne() throws IOException {
        key("release");
        Path bundle = write("m", SigningKey.read(tmp.resolve("release.pem")));
        assertThat(ModelBundle.read(bundle, trusting("release")).modelVersion()).isEqualTo("t");
    }

    @Test
    void anUnsignedBundleIsRefusedWhenKeysAreTrusted() throws IOException {
        key("release");
        Path bundle = write("m", null);
        assertThat(ModelBundle.read(bundle).modelVersion()).isEqualTo("t"); // no keys: unsigned is fine
        assertThatThrownBy(() -> ModelBundle.read(bundle, trusting("release")))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("manifest.sig: refused: the bundle is not signed");
    }

    @Test
    void aTamperedManifestIsRefused() throws IOException {
        Path bundle = write("m", key("release"));
        Path manifest = bundle.resolve(ModelBundle.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"model_version\" : \"t\"", "\"model_version\" : \"u\""));
        assertThatThrownBy(() -> ModelBundle.read(bundle, trusting("release")))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("not valid for this manifest");
    }

    @Test
    void aChangedWeightFileWithItsChecksumRecomputedIsRefused() throws IOException {
        Path bundle = write("m", key("release"));
        byte[] w2 = Files.readAllBytes(bundle.resolve("weights/w2"));
        w2[w2.length - 8] ^= 0x40; // a value, not the checksum
        Files.write(bundle.resolve("weights/w2"), w2);
        PlantedBundles.recomputeChecksums(bundle);
        assertThatThrownBy(() -> ModelBundle.read(bundle, trusting("release")))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("not valid for this manifest");
    }

    @Test
    void aFileTheManifestDoesNotListIsRefused() throws IOException {
        Path bundle = write("m", key("release"));
        Files.writeString(bundle.resolve("weights/extra"), "x");
        assertThatThrownBy(() -> ModelBundle.read(bundle, trusting("release")))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("weights/extra: refused: a file the manifest does not list");
        assertThatThrownBy(() -> ModelBundle.read(bundle))
                .as("refused with no keys too")
                .hasMessageContaining("a file the manifest does not list");
    }

    @Test
    void aBundleSignedByAnotherKeyIsRefused() throws IOException {
        key("release");
        Path bundle = write("m", key("someone-else"));
        assertThatThrownBy(() -> ModelBundle.read(bundle, trusting("release")))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("signed by another key");
        assertThat(ModelBundle.read(bundle, trusting("release", "someone-else")).modelVersion()).isEqualTo("t");
    }

    @Test
    void aListedFileOfAnotherFormatIsRefused() throws IOException {
        Path bundle = write("m", null);
        Files.createDirectories(bundle.resolve("saved_model"));
        Files.writeString(bundle.resolve("saved_model/saved_model.pb"), "graph");
        PlantedBundles.recomputeChecksums(bundle);
        assertThatThrownBy(() -> ModelBundle.read(bundle))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("saved_model.pb: refused: not a file of a format-2 bundle");
    }

    @Test
    void aSymbolicLinkInTheBundleIsRefused() throws IOException {
        Path bundle = write("m", null);
        Files.delete(bundle.resolve(ModelBundle.VOCABULARY));
        Files.createSymbolicLink(bundle.resolve(ModelBundle.VOCABULARY), Path.of("/etc/hostname"));
        assertThatThrownBy(() -> ModelBundle.read(bundle))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("refused: a symbolic link");
    }
}
