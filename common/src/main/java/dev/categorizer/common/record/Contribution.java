package dev.categorizer.common.record;

import java.util.Objects;

/**
 * How much one feature of a video pushed the logit of one category: positive towards it, negative away.
 *
 * <pre>{@code
 * new Contribution("battle", "title", 2.10);          // a word of the title
 * new Contribution("#world_war_ii", "tags", 1.35);    // a whole tag
 * new Contribution("soldier", "title+description", 0.8);
 * }</pre>
 *
 * @param word the feature as the model knows it: a word (cleaned, lower case), a bigram, or {@code #tag} for a
 *     whole tag
 * @param field where the video has it: {@code title}, {@code description}, {@code tags}, or several joined by
 *     {@code +}; the model itself does not tell fields apart, so a word counts once wherever it occurs
 * @param contribution its share of the category's logit (gradient x input)
 */
public record Contribution(String word, String field, double contribution) {

    public Contribution {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(field, "field");
    }
}
