package dev.categorizer.model.explain;

import dev.categorizer.common.record.Video;
import dev.categorizer.common.text.TextPipeline;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each feature of a video comes from: {@code title}, {@code description}, {@code tags} (a whole tag, or a
 * word of a tag's text), or several of them joined by {@code +}. The vectorizer does not tell fields apart (the
 * word "war" of the title and of the description is one feature), so this only says where the video has it, by
 * running the model's text pipeline on each field alone.
 *
 * <pre>{@code
 * Map<String, String> fields = FeatureFields.of(pipeline, video); // {"battle": "title", "#ww2": "tags", ...}
 * }</pre>
 */
final class FeatureFields {
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String TAGS = "tags";

    private FeatureFields() {}

    /** The fields of every feature of {@code video}, by feature. */
    static Map<String, String> of(TextPipeline pipeline, Video video) {
        Set<String> title = new HashSet<>(pipeline.features(Video.unlabelled(video.id(), video.title(), "", List.of())));
        Set<String> description =
                new HashSet<>(pipeline.features(Video.unlabelled(video.id(), "", video.description(), List.of())));
        Set<String> tags = new HashSet<>(pipeline.features(Video.unlabelled(video.id(), "", "", video.tags())));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String feature : pipeline.features(video)) {
            fields.computeIfAbsent(feature, f -> join(title.contains(f), description.contains(f), tags.contains(f)));
        }
        return fields;
    }

    private static String join(boolean inTitle, boolean inDescription, boolean inTags) {
        StringBuilder field = new StringBuilder();
        if (inTitle) field.append(TITLE);
        if (inDescription) field.append(field.isEmpty() ? "" : "+").append(DESCRIPTION);
        if (inTags) field.append(field.isEmpty() ? "" : "+").append(TAGS);
        return field.toString();
    }
}
