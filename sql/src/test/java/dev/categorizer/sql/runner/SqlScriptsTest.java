package dev.categorizer.sql.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.sql.testutil.RepoRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script in sql/scripts splits into statements and documents each placeholder it needs in its header. */
class SqlScriptsTest {

    static Stream<Path> scripts() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(RepoRoot.find().resolve("sql/scripts"))) {
            scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(5);
        return scripts.stream();
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void splitsAndNamesItsRequiredPlaceholdersInTheUsageLine(Path script) throws IOException {
        String text = Files.readString(script);
        List<Statement> statements = StatementSplitter.split(text);
        assertThat(statements).isNotEmpty();
        assertThat(statements).allSatisfy(s -> assertThat(s.sql()).doesNotEndWith(";").isNotBlank());

        String usage = text.lines().filter(l -> l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        assertThat(usage).contains("./categorizer sql --file sql/scripts/" + script.getFileName());
        for (String name : ScriptVariables.missing(text, Map.of())) {
            assertThat(usage).as("usage of %s names -D %s", script.getFileName(), name).contains("-D " + name + "=");
        }
    }
}
