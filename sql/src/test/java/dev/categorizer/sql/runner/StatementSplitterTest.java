package dev.categorizer.sql.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsAtSemicolonsAndKeepsTheLastStatementWithoutOne() {
        assertThat(StatementSplitter.split("SELECT 1;\nSELECT 2;\n\nSELECT 3"))
                .containsExactly(new Statement("SELECT 1", 1), new Statement("SELECT 2", 2),
                        new Statement("SELECT 3", 4));
    }

    @Test
    void ignoresSemicolonsInQuotesAndIdentifiers() {
        List<Statement> statements = StatementSplitter.split(
                "SELECT 'a;b', 'it''s;', \"x;y\", `z;w` FROM t; SELECT 2");
        assertThat(statements).extracting(Statement::sql)
                .containsExactly("SELECT 'a;b', 'it''s;', \"x;y\", `z;w` FROM t", "SELECT 2");
    }

    @Test
    void dropsCommentsButNotCommentMarkersInStrings() {
        String script = """
                -- a comment; with a semicolon
                SELECT '--not a comment' -- a comment; again
                /* block; comment
                   over lines */ , 2;
                /* only a comment */;
                -- trailing comment
                """;
        List<Statement> statements = StatementSplitter.split(script);
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).line()).isEqualTo(2);
        assertThat(statements.get(0).sql()).startsWith("SELECT '--not a comment'").endsWith(", 2")
                .doesNotContain("comment;").doesNotContain("block");
    }

    @Test
    void countsLinesInsideStringsAndComments() {
        List<Statement> statements = StatementSplitter.split("SELECT 'a\nb';\n/* x\ny */\nSELECT 2;");
        assertThat(statements).extracting(Statement::line).containsExactly(1, 5);
    }

    @Test
    void blankScriptHasNoStatements() {
        assertThat(StatementSplitter.split(" ;\n -- nothing\n ; ")).isEmpty();
    }
}
