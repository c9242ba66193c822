package dev.categorizer.common.record;

import java.util.List;
import java.util.Objects;

/**
 * A video's text metadata and, when known, its categories.
 *
 * <p>Null title, description, tags or labels are normalised to empty values so that downstream code never checks
 * for null. {@code labels} is empty for videos to be scored.
 */
public record Video(String id, String title, String description, List<String> tags, List<String> labels) {

    public Video {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A video without labels, as it arrives for scoring. */
    public static Video unlabelled(String id, String title, String description, List<String> tags) {
        return new Video(id, title, description, tags, List.of());
    }
}
