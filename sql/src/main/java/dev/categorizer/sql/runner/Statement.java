package dev.categorizer.sql.runner;

/** One SQL statement of a script, without comments or the closing ';', and the line it starts on. */
public record Statement(String sql, int line) {

    /** The statement's first line, shortened, to name it in messages. */
    public String summary() {
        String first = sql.strip().lines().findFirst().orElse("").strip();
        return first.length() > 80 ? first.substring(0, 77) + "..." : first;
    }
}
