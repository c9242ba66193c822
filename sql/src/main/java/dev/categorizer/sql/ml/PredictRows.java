package dev.categorizer.sql.ml;

import dev.categorizer.common.record.LabelScore;
import dev.categorizer.common.record.Video;
import dev.categorizer.sql.score.VideoInputs;
import dev.categorizer.sql.score.VideoScores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;

/** Between ML_PREDICT's rows (Flink's internal data) and the categorizer's videos and scores. */
final class PredictRows {

    private PredictRows() {}

    /** The video of an input row {@code (title, description, tags)}; NULL counts as empty. */
    static Video video(RowData input) {
        return VideoInputs.of(
                input.isNullAt(0) ? null : input.getString(0),
                input.isNullAt(1) ? null : input.getString(1),
                input.isNullAt(2) ? null : input.getArray(2));
    }

    /** The output row: one field per {@code OUTPUT} column, in their order. */
    static GenericRowData output(List<OutputColumn> outputs, VideoScores scored, StringData modelVersion) {
        GenericRowData row = new GenericRowData(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            row.setField(i, switch (outputs.get(i)) {
                case CATEGORIES -> categories(scored.categories());
                case SCORES -> scores(scored);
                case MODEL_VERSION -> modelVersion;
            });
        }
        return row;
    }

    private static GenericArrayData categories(List<LabelScore> categories) {
        Object[] rows = new Object[categories.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = GenericRowData.of(StringData.fromString(categories.get(i).label()), categories.get(i).score());
        }
        return new GenericArrayData(rows);
    }

    private static GenericMapData scores(VideoScores scored) {
        Map<Object, Object> byLabel = new HashMap<>();
        scored.scoreByLabel().forEach((label, score) -> byLabel.put(StringData.fromString(label), score));
        return new GenericMapData(byLabel);
    }
}
