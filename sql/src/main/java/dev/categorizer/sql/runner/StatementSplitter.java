package dev.categorizer.sql.runner;

import static org.apache.flink.sql.parser.impl.FlinkSqlParserImplConstants.BEGIN;
import static org.apache.flink.sql.parser.impl.FlinkSqlParserImplConstants.BTID;
import static org.apache.flink.sql.parser.impl.FlinkSqlParserImplConstants.CASE;
import static org.apache.flink.sql.parser.impl.FlinkSqlParserImplConstants.END;
import static org.apache.flink.sql.parser.impl.FlinkSqlParserImplConstants.EOF;
import static org.apache.flink.sql.parser.impl.FlinkSqlParserImplConstants.SEMICOLON;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImplTokenManager;
import org.apache.flink.sql.parser.impl.SimpleCharStream;
import org.apache.flink.sql.parser.impl.Token;
import org.apache.flink.sql.parser.impl.TokenMgrError;

/**
 * Splits a SQL script into statements with Flink's own SQL lexer, the token manager of {@code flink-sql-parser}
 * (which Flink's SQL client reads statements with as well). A statement ends at a {@code ;} token, so semicolons
 * in string literals, quoted identifiers, comments and hints never end one, and
 * {@code EXECUTE STATEMENT SET BEGIN ...; ...; END;} is one statement. Comments ({@code -- ...}, {@code // ...},
 * {@code /* ... *}{@code /}) are dropped, their line breaks kept so that errors point at the right line; hints
 * ({@code /*+ ... *}{@code /}) are SQL and stay. Blank statements are skipped.
 *
 * <pre>{@code
 * List<Statement> statements = StatementSplitter.split("SELECT 'a;b'; -- done\nSELECT 2");
 * // [Statement[sql=SELECT 'a;b', line=1], Statement[sql=SELECT 2, line=2]]
 * }</pre>
 *
 * <p>Where Flink's lexer gives up (an unterminated comment, a character Flink SQL has no token for), the rest of
 * the script is one last statement, and Flink reports the error when it runs.
 */
public final class StatementSplitter {

    private final String script;
    private final int[] lineStarts;
    private final List<Statement> statements = new ArrayList<>();
    /** The tokens of the current statement, as [start, end) offsets: what lies between them is space or comments. */
    private final List<int[]> tokens = new ArrayList<>();
    private int startLine;
    /** Open BEGIN ... END (a statement set) and CASE ... END blocks: a {@code ;} inside one ends nothing. */
    private int depth;

    private StatementSplitter(String script) {
        this.script = script;
        this.lineStarts = lineStarts(script);
    }

    public static List<Statement> split(String script) {
        return new StatementSplitter(script).run();
    }

    private List<Statement> run() {
        // Flink's lexer counts a tab as up to 8 columns; as a space, columns are offsets within a line again.
        FlinkSqlParserImplTokenManager lexer = new FlinkSqlParserImplTokenManager(
                new SimpleCharStream(new StringReader(script.replace('\t', ' '))));
        lexer.SwitchTo(BTID); // Flink SQL quotes identifiers with back ticks (as its planner's parser is set up)
        int consumed = 0;
        try {
            for (Token t = lexer.getNextToken(); t.kind != EOF; t = lexer.getNextToken()) {
                consumed = offset(t.endLine, t.endColumn) + 1;
                if (t.kind == SEMICOLON && depth == 0) {
                    finish();
                    continue;
                }
                if (tokens.isEmpty()) {
                    startLine = t.beginLine;
                }
                tokens.add(new int[] {offset(t.beginLine, t.beginColumn), consumed});
                if (t.kind == BEGIN || t.kind == CASE) {
                    depth++;
                } else if (t.kind == END && depth > 0) {
                    depth--;
                }
            }
        } catch (TokenMgrError e) {
            rest(consumed);
            return statements;
        }
        finish();
        return statements;
    }

    /** Ends the current statement at its last token: what lies between that and the {@code ;} is comments. */
    private void finish() {
        if (!tokens.isEmpty()) {
            add(withoutComments(), startLine);
        }
        tokens.clear();
        depth = 0;
    }

    /** The text from the current statement's start (or {@code from}, if none began) to the end, as it is. */
    private void rest(int from) {
        int begin = tokens.isEmpty() ? from : tokens.get(0)[0];
        int line = tokens.isEmpty() ? lineOf(begin) : startLine;
        add(script.substring(begin), line);
    }

    private void add(String text, int line) {
        String sql = text.strip();
        if (!sql.isEmpty()) {
            statements.add(new Statement(sql, line));
        }
    }

    /**
     * The current statement's tokens as they are in the script, and the space between them; where that space holds
     * a comment (which Flink's lexer skips), a blank and the line breaks the comment had instead.
     */
    private String withoutComments() {
        StringBuilder sql = new StringBuilder();
        int at = tokens.get(0)[0];
        for (int[] token : tokens) {
            String gap = script.substring(at, token[0]);
            if (gap.isBlank()) {
                sql.append(gap);
            } else {
                sql.append(' ');
                for (int i = at; i < token[0]; i++) {
                    if (isLineBreak(i)) {
                        sql.append('\n');
                    }
                }
            }
            sql.append(script, token[0], token[1]);
            at = token[1];
        }
        return sql.toString();
    }

    /** Whether a line ends at {@code i}: "\n", "\r\n" (counted at its "\n") or a lone "\r", as Flink counts lines. */
    private boolean isLineBreak(int i) {
        char c = script.charAt(i);
        return c == '\n' || (c == '\r' && (i + 1 >= script.length() || script.charAt(i + 1) != '\n'));
    }

    private int offset(int line, int column) {
        return lineStarts[line - 1] + column - 1;
    }

    private int lineOf(int offset) {
        int line = 1;
        while (line < lineStarts.length && lineStarts[line] <= offset) {
            line++;
        }
        return line;
    }

    private static int[] lineStarts(String script) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= script.length() || script.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
