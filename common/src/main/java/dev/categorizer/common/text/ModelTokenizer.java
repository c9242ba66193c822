package dev.categorizer.common.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The {@link TokenizerKind#MODEL} tokenizer: OpenNLP {@link TokenizerME} with the English UD-EWT model shipped in
 * {@code opennlp-models-tokenizer-en}. The model is loaded once per JVM on first use; {@link TokenizerME} is not
 * thread-safe, so each thread gets its own instance. Nothing is serialized but the class itself, so task
 * managers load the model from their own class path.
 */
final class ModelTokenizer implements Tokenizer {

    private static final long serialVersionUID = 1L;

    /** The model file at the root of {@code opennlp-models-tokenizer-en-1.3.0.jar} (see its model.properties). */
    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    static final ModelTokenizer INSTANCE = new ModelTokenizer();

    private ModelTokenizer() {}

    /** Lazy holder: the model is only read when a MODEL tokenizer is used. TokenizerModel is thread-safe. */
    private static final class Model {
        static final TokenizerModel MODEL = load();
        static final ThreadLocal<TokenizerME> PER_THREAD = ThreadLocal.withInitial(() -> new TokenizerME(MODEL));

        private static TokenizerModel load() {
            try (InputStream in = ModelTokenizer.class.getResourceAsStream(MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("OpenNLP tokenizer model " + MODEL_RESOURCE
                            + " not on the class path: add org.apache.opennlp:opennlp-models-tokenizer-en:1.3.0");
                }
                return new TokenizerModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read OpenNLP tokenizer model " + MODEL_RESOURCE, e);
            }
        }
    }

    @Override
    public List<String> tokenize(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return words;
        }
        for (String token : Model.PER_THREAD.get().tokenize(text)) {
            if (Letters.hasLetter(token)) {
                words.add(token);
            }
        }
        return words;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
