package dev.categorizer.sql.runner;

import java.util.List;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.types.Row;

/**
 * What one statement gave: its kind, its column names and, when the runner collects, its rows (empty when it
 * prints them).
 */
public record StatementResult(Statement statement, ResultKind kind, List<String> columns, List<Row> rows) {

    public StatementResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
