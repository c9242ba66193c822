package dev.categorizer.common.text;

/** Which tokenizer splits cleaned text into words; see {@link Tokenizer#of(TokenizerKind)}. */
public enum TokenizerKind {
    /** Splits at character-class changes like OpenNLP's {@code SimpleTokenizer}; fast, language-neutral. Default. */
    SIMPLE,
    /** OpenNLP {@code TokenizerME} with the English UD-EWT model from {@code opennlp-models-tokenizer-en}; slower. */
    MODEL
}
