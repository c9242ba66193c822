package dev.categorizer.sql.score;

import dev.categorizer.common.record.Video;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.StringData;

/**
 * Builds the video to score from SQL values. SQL NULL counts as empty: a NULL title or description is the empty
 * string, NULL tags (or a NULL element of the tags) are left out.
 */
public final class VideoInputs {

    /** The id of videos built from SQL values; scoring does not look at it. */
    static final String SQL_VIDEO_ID = "sql";

    private VideoInputs() {}

    /** From the arguments of a scalar function. */
    public static Video of(String title, String description, String[] tags) {
        List<String> tagList =
                tags == null ? List.of() : Arrays.stream(tags).filter(Objects::nonNull).toList();
        return Video.unlabelled(SQL_VIDEO_ID, title, description, tagList);
    }

    /** From Flink's internal data, as a model's predict function receives it. */
    public static Video of(StringData title, StringData description, ArrayData tags) {
        return Video.unlabelled(SQL_VIDEO_ID, text(title), text(description), tags(tags));
    }

    private static String text(StringData value) {
        return value == null ? "" : value.toString();
    }

    private static List<String> tags(ArrayData tags) {
        if (tags == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            if (!tags.isNullAt(i)) {
                result.add(tags.getString(i).toString());
            }
        }
        return result;
    }
}
