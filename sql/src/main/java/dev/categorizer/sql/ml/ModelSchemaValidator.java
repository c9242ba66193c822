package dev.categorizer.sql.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Checks the {@code INPUT} and {@code OUTPUT} columns of a categorizer model. The input is, by position,
 * {@code (title STRING, description STRING, tags ARRAY<STRING>)} (names are free); each output column is one of the
 * {@link OutputColumn} types.
 */
final class ModelSchemaValidator {

    static final String INPUT_SHAPE = "(title STRING, description STRING, tags ARRAY<STRING>)";
    static final String OUTPUT_TYPES = "ARRAY<ROW<label STRING, score DOUBLE>> (the categories over their"
            + " thresholds), MAP<STRING, DOUBLE> (every label's score) or STRING (the model version)";

    private ModelSchemaValidator() {}

    static void validateInput(ResolvedSchema input) {
        List<Column> columns = input.getColumns();
        if (columns.size() != 3) {
            throw new ValidationException(String.format(
                    "A categorizer model takes 3 input columns %s, but INPUT has %d: %s.",
                    INPUT_SHAPE, columns.size(), input.getColumnNames()));
        }
        requireType(columns.get(0), 1, isString(type(columns.get(0))), "STRING");
        requireType(columns.get(1), 2, isString(type(columns.get(1))), "STRING");
        LogicalType tags = type(columns.get(2));
        requireType(columns.get(2), 3,
                tags.is(LogicalTypeRoot.ARRAY) && isString(((ArrayType) tags).getElementType()), "ARRAY<STRING>");
    }

    static List<OutputColumn> validateOutput(ResolvedSchema output) {
        List<OutputColumn> kinds = new ArrayList<>();
        for (Column column : output.getColumns()) {
            LogicalType type = type(column);
            if (isCategories(type)) {
                kinds.add(OutputColumn.CATEGORIES);
            } else if (isScores(type)) {
                kinds.add(OutputColumn.SCORES);
            } else if (isString(type)) {
                kinds.add(OutputColumn.MODEL_VERSION);
            } else {
                throw new ValidationException(String.format(
                        "Output column '%s' of a categorizer model has type %s; it must be %s.",
                        column.getName(), type.asSummaryString(), OUTPUT_TYPES));
            }
        }
        if (kinds.isEmpty()) {
            throw new ValidationException("A categorizer model needs at least one output column: " + OUTPUT_TYPES);
        }
        return kinds;
    }

    private static void requireType(Column column, int position, boolean ok, String expected) {
        if (!ok) {
            throw new ValidationException(String.format(
                    "Input column %d '%s' of a categorizer model must be %s, but is %s. The input is %s.",
                    position, column.getName(), expected, type(column).asSummaryString(), INPUT_SHAPE));
        }
    }

    private static LogicalType type(Column column) {
        return column.getDataType().getLogicalType();
    }

    private static boolean isString(LogicalType type) {
        return type.is(LogicalTypeFamily.CHARACTER_STRING);
    }

    private static boolean isCategories(LogicalType type) {
        if (!type.is(LogicalTypeRoot.ARRAY) || !((ArrayType) type).getElementType().is(LogicalTypeRoot.ROW)) {
            return false;
        }
        RowType row = (RowType) ((ArrayType) type).getElementType();
        return row.getFieldCount() == 2
                && isString(row.getTypeAt(0))
                && row.getTypeAt(1).is(LogicalTypeRoot.DOUBLE);
    }

    private static boolean isScores(LogicalType type) {
        return type.is(LogicalTypeRoot.MAP)
                && isString(((MapType) type).getKeyType())
                && ((MapType) type).getValueType().is(LogicalTypeRoot.DOUBLE);
    }
}
