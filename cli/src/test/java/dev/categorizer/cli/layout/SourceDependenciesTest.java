package dev.categorizer.cli.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDependenciesTest {

    @Test
    void readsImportsAndQualifiedNamesButNotCommentsOrStrings(@TempDir Path src) throws IOException {
        Path file = src.resolve("dev/categorizer/a/A.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package dev.categorizer.a;

                import dev.categorizer.b.B;
                import static dev.categorizer.c.C.helper;
                import dev.categorizer.d.*;
                import dev.categorizer.a.Other;

                /** Not {@link dev.categorizer.x.X}. */
                class A {
                    // nor dev.categorizer.y.Y
                    String s = "dev.categorizer.z.Z";
                    String block = \"""
                            dev.categorizer.w.W
                            \""";
                    char q = '"';
                    dev.categorizer.e.sub.E e = new dev.categorizer.e.sub.E();
                }
                """);

        assertThat(SourceDependencies.of(src)).containsOnlyKeys("dev.categorizer.a");
        assertThat(SourceDependencies.of(src).get("dev.categorizer.a")).containsExactly(
                "dev.categorizer.b", "dev.categorizer.c", "dev.categorizer.d", "dev.categorizer.e.sub");
    }
}
