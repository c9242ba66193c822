package dev.categorizer.sql.runner;

/** A statement of a script failed; the message names its line and gives the cause. */
public final class SqlScriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Statement statement;

    SqlScriptException(Statement statement, Throwable cause, String hint) {
        super("Statement at line " + statement.line() + " failed: " + statement.summary() + "\n"
                + (hint == null ? "" : "Hint: " + hint + "\n") + describe(cause), cause);
        this.statement = statement;
    }

    public Statement statement() {
        return statement;
    }

    /** The top message and, when different, the root cause's message, which is usually the one that helps. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = String.valueOf(error.getMessage());
        String bottom = String.valueOf(root.getMessage());
        return root == error || top.contains(bottom) ? top : top + "\nCaused by: " + bottom;
    }
}
