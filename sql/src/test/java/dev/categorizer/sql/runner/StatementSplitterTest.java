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
                "SELECT 'a;b', 'it''s;', U&'c;d', `z;w` FROM t; SELECT 2");
        assertThat(statements).extracting(Statement::sql)
                .containsExactly("SELECT 'a;b', 'it''s;', U&'c;d', `z;w` FROM t", "SELECT 2");
    }

    @Test
    void keepsHintsWhoseStringsMayHoldSemicolonsAndCommentEnds() {
        String script = "SELECT * FROM t /*+ OPTIONS('path' = 'a;b*/c', 'format' = 'json') */ WHERE x = 1;\n"
                + "INSERT INTO s /*+ OPTIONS('sink.parallelism' = '1') */ SELECT * FROM t";
        assertThat(StatementSplitter.split(script)).containsExactly(
                new Statement("SELECT * FROM t /*+ OPTIONS('path' = 'a;b*/c', 'format' = 'json') */ WHERE x = 1", 1),
                new Statement("INSERT INTO s /*+ OPTIONS('sink.parallelism' = '1') */ SELECT * FROM t", 2));
    }

    @Test
    void aStatementSetIsOneStatementUpToItsEnd() {
        String script = """
                CREATE TABLE a (x INT);
                EXECUTE STATEMENT SET
                BEGIN
                  INSERT INTO a VALUES (1);
                  INSERT INTO b SELECT CASE WHEN x > 1 THEN 'x;' ELSE 'y' END FROM c;
                END;
                SELECT 2;
                """;
        List<Statement> statements = StatementSplitter.split(script);
        assertThat(statements).extracting(Statement::line).containsExactly(1, 2, 7);
        assertThat(statements.get(1).sql()).startsWith("EXECUTE STATEMENT SET\nBEGIN\n")
                .contains("INSERT INTO a VALUES (1);\n", "END FROM c;\n").endsWith("END");
        assertThat(statements.get(2).sql()).isEqualTo("SELECT 2");
    }

    @Test
    void knowsEveryCommentStyleOfFlinkSql() {
        String script = "SELECT 1; // a comment; with a semicolon\nSELECT 2 -- another; one\n; /* a; block */ SELECT 3";
        assertThat(StatementSplitter.split(script)).containsExactly(
                new Statement("SELECT 1", 1), new Statement("SELECT 2", 2), new Statement("SELECT 3", 3));
    }

    @Test
    void keepsTabsAndCountsWindowsLineEnds() {
        List<Statement> statements = StatementSplitter.split("SELECT\t'a;\tb';\r\n\tSELECT\t2;\r\n\r\nSELECT 3");
        assertThat(statements).containsExactly(new Statement("SELECT\t'a;\tb'", 1),
                new Statement("SELECT\t2", 2), new Statement("SELECT 3", 4));
    }

    @Test
    void whereFlinksLexerGivesUpTheRestIsOneStatementForFlinkToReport() {
        assertThat(StatementSplitter.split("SELECT 1;\nSELECT #x; SELECT 3"))
                .containsExactly(new Statement("SELECT 1", 1), new Statement("SELECT #x; SELECT 3", 2));
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
