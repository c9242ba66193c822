package dev.categorizer.model.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.categorizer.model.bundle.InvalidBundleException;
import dev.categorizer.model.bundle.ModelBundle;
import dev.categorizer.model.bundle.ModelLocation;
import dev.categorizer.model.predict.Predictor;
import dev.categorizer.model.tensor.LocalTensorStore;
import dev.categorizer.model.tensor.TensorStore;
import dev.categorizer.model.testutil.ToyBundle;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing never leaves a location without a whole bundle in service, locally or on any storage. */
class BundlePublisherTest {
    @TempDir
    Path tmp;

    private Path staged(Path dir, String version) {
        return ToyBundle.write(dir, version, null);
    }

    @Test
    void aLocalPublishSwitchesThePointerAndKeepsTheNewestVersions() throws IOException {
        Path location = tmp.resolve("models/films");
        BundlePublisher publisher = BundlePublisher.keeping(2);
        for (String v : List.of("v1", "v2", "v3")) {
            assertThat(publisher.publishLocal(staged(BundlePublisher.stagingDirectory(location), v), location)).isEqualTo(v);
            assertThat(ModelBundle.read(location).modelVersion()).isEqualTo(v);
        }
        try (var names = Files.list(location.resolve("versions"))) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("v2", "v3");
        }
        assertThat(Files.readString(location.resolve("CURRENT")).trim()).isEqualTo("v3");
    }

    @Test
    void aVersionOfTheSameNameIsNotOverwritten() throws IOException {
        Path location = tmp.resolve("m");
        BundlePublisher publisher = BundlePublisher.keeping(3);
        publisher.publishLocal(staged(BundlePublisher.stagingDirectory(location), "same"), location);
        String second = publisher.publishLocal(staged(BundlePublisher.stagingDirectory(location), "same"), location);
        assertThat(second).startsWith("same-").isNotEqualTo("same");
        assertThat(location.resolve("versions/same/manifest.json")).exists();
    }

    @Test
    void anUploadThatFailsHalfWayLeavesTheOldModelServing() throws IOException {
        Path remote = tmp.resolve("remote");
        BundlePublisher publisher = BundlePublisher.keeping(3);
        publisher.publish(staged(tmp.resolve("a"), "v1"), new LocalTensorStore(remote));

        TensorStore failing = new FailingStore(new LocalTensorStore(remote), 3);
        assertThatThrownBy(() -> publisher.publish(staged(tmp.resolve("b"), "v2"), failing))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the model in service is unchanged");

        assertThat(ModelLocation.current(new LocalTensorStore(remote))).isEqualTo("v1");
        assertThat(remote.resolve("versions/v2")).as("the partial upload is removed").doesNotExist();
        Path local = tmp.resolve("downloaded");
        ModelLocation.download(new LocalTensorStore(remote), local);
        try (Predictor predictor = Predictor.load(local)) {
            assertThat(predictor.bundle().modelVersion()).isEqualTo("v1");
            assertThat(predictor.scoreVideos(ToyBundle.data().test.subList(0, 5))).hasNumberOfRows(5);
        }
    }

    @Test
    void aBundleThatCannotServeIsNeverPublished() throws IOException {
        Path location = tmp.resolve("m");
        BundlePublisher publisher = BundlePublisher.keeping(3);
        publisher.publishLocal(staged(BundlePublisher.stagingDirectory(location), "good"), location);
        Path bad = staged(BundlePublisher.stagingDirectory(location), "bad");
        Files.write(bad.resolve("weights/w2"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> publisher.publishLocal(bad, location)).isInstanceOf(InvalidBundleException.class);
        assertThat(ModelBundle.read(location).modelVersion()).isEqualTo("good");
    }

    @Test
    void aPointerOutOfTheVersionsIsRefused() throws IOException {
        Path location = tmp.resolve("m");
        Files.createDirectories(location);
        Files.writeString(location.resolve("CURRENT"), "../../etc\n");
        assertThatThrownBy(() -> ModelBundle.read(location))
                .isInstanceOf(InvalidBundleException.class)
                .hasMessageContaining("is not a version name");
    }

    /** A store whose {@code failAt}-th new file fails half way through its bytes, as a dropped upload does. */
    private static final class FailingStore implements TensorStore {
        private final TensorStore inner;
        private final int failAt;
        private final AtomicInteger created = new AtomicInteger();

        FailingStore(TensorStore inner, int failAt) {
            this.inner = inner;
            this.failAt = failAt;
        }

        @Override
        public OutputStream create(String name) throws IOException {
            OutputStream out = inner.create(name);
            if (created.incrementAndGet() < failAt) return out;
            return new FilterOutputStream(out) {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    if (++written > 8) throw new IOException("connection reset (injected)");
                    super.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    for (int i = 0; i < len; i++) write(b[off + i]);
                }
            };
        }

        @Override
        public InputStream open(String name) throws IOException {
            return inner.open(name);
        }

        @Override
        public boolean exists(String name) throws IOException {
            return inner.exists(name);
        }

        @Override
        public List<String> list(String level) throws IOException {
            return inner.list(level);
        }

        @Override
        public void delete(String name) throws IOException {
            inner.delete(name);
        }

        @Override
        public String describe(String name) {
            return inner.describe(name);
        }
    }
}
