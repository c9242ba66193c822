package dev.categorizer.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path tmp;

    private Path tree() throws IOException {
        Path root = tmp.resolve("tree");
        Files.createDirectories(root.resolve("a/b"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("top.txt"), "top");
        Files.writeString(root.resolve("a/b/deep.bin"), "deep");
        return root;
    }

    @Test
    void copiesEveryFileAndDirectoryAndReplacesWhatIsThere() throws IOException {
        Path source = tree();
        Path target = tmp.resolve("copies/copy");
        Files.createDirectories(target);
        Files.writeString(target.resolve("top.txt"), "old");

        FileTrees.copy(source, target);

        assertThat(target.resolve("top.txt")).hasContent("top");
        assertThat(target.resolve("a/b/deep.bin")).hasContent("deep");
        assertThat(target.resolve("empty")).isEmptyDirectory();
        assertThat(source.resolve("a/b/deep.bin")).hasContent("deep");
    }

    @Test
    void deletesTheWholeTreeAndNothingBeside() throws IOException {
        Path root = tree();
        Path beside = Files.writeString(tmp.resolve("beside.txt"), "kept");

        FileTrees.delete(root);

        assertThat(root).doesNotExist();
        assertThat(beside).exists();
    }

    @Test
    void deletingWhatIsNotThereDoesNothing() throws IOException {
        FileTrees.delete(tmp.resolve("missing"));
        FileTrees.deleteQuietly(tmp.resolve("missing"));
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void deletesALinkButNotWhatItPointsTo() throws IOException {
        Path outside = tree();
        Path root = Files.createDirectories(tmp.resolve("with-link"));
        Files.createSymbolicLink(root.resolve("link"), outside);

        FileTrees.deleteQuietly(root);

        assertThat(root).doesNotExist();
        assertThat(outside.resolve("a/b/deep.bin")).hasContent("deep");
    }

    @Test
    void deletesASingleFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("one.txt"), "x");
        FileTrees.delete(file);
        assertThat(file).doesNotExist();
    }

    @Test
    void copyingFromNothingFails() {
        assertThatThrownBy(() -> FileTrees.copy(tmp.resolve("missing"), tmp.resolve("to")))
                .isInstanceOf(NoSuchFileException.class);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
