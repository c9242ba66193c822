package dev.categorizer.sql.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at each {@code ;} that is outside quotes ({@code '...'}, {@code "..."},
 * {@code `...`}) and comments ({@code -- ...} to the end of the line, {@code /* ... *}{@code /}). Comments are dropped
 * (line breaks kept, so that errors point at the right line); blank statements are skipped.
 *
 * <pre>{@code
 * List<Statement> statements = StatementSplitter.split("SELECT 'a;b'; -- done\nSELECT 2");
 * // [Statement[sql=SELECT 'a;b', line=1], Statement[sql=SELECT 2, line=2]]
 * }</pre>
 */
public final class StatementSplitter {

    private StatementSplitter() {}

    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && next == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int j = i; j < end; j++) {
                    if (script.charAt(j) == '\n') {
                        current.append('\n');
                        line++;
                    }
                }
                current.append(' ');
                i = end;
                continue;
            }
            if (c == ';') {
                add(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (!Character.isWhitespace(c) && startLine < 0) {
                startLine = line;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(script, i, c);
                for (int j = i; j < end; j++) {
                    if (script.charAt(j) == '\n') {
                        line++;
                    }
                }
                current.append(script, i, end);
                i = end;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            current.append(c);
            i++;
        }
        add(statements, current, startLine);
        return statements;
    }

    /** The index just after the quote that closes the one at {@code start}; a doubled quote is an escaped one. */
    private static int closingQuote(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length(); // unterminated: the rest is the literal, and Flink reports the error
    }

    private static void add(List<Statement> statements, StringBuilder text, int line) {
        String sql = text.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(new Statement(sql, line));
        }
    }
}
