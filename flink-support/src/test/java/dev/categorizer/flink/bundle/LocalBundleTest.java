package dev.categorizer.flink.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBundleTest {

    @TempDir
    Path tmp;

    @Test
    void aLocalPathIsUsedAsItIsAndKeptOnClose() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("my model"));
        try (LocalBundle bundle = LocalBundle.of(dir.toString())) {
            assertThat(bundle.directory()).isEqualTo(dir);
        }
        assertThat(dir).isDirectory();
    }

    @Test
    void aRelativePathStaysRelative() {
        assertThat(LocalBundle.of("models/sample").directory()).isEqualTo(Path.of("models/sample"));
    }

    @Test
    void aFileUriIsALocalPath() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("model"));
        assertThat(LocalBundle.of(dir.toUri().toString()).directory()).isEqualTo(dir);
    }

    @Test
    void anEmptyLocationIsRejected() {
        assertThatThrownBy(() -> LocalBundle.of(" ")).hasMessage("The model bundle path is empty.");
    }

    @Test
    void aRemoteFileSystemWithoutItsPluginFailsNamingTheLocation() {
        assertThatThrownBy(() -> LocalBundle.of("s3://bucket/models/sample"))
                .hasMessageStartingWith("Cannot copy the model bundle s3://bucket/models/sample to the local disk: ");
    }
}
