package dev.categorizer.common.vocab;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The terms a model knows, each with its index (the feature column), document frequency and smooth idf.
 * Immutable and thread-safe.
 *
 * <p>File format ({@link #writeTo}/{@link #readFrom}): UTF-8 text, a header line
 * {@code # categorizer vocabulary v1 documents=N}, then one {@code term<TAB>df} line per term in index order.
 *
 * <pre>{@code
 * Vocabulary vocabulary = Vocabulary.of(List.of("hotel", "paris"), new long[] {10, 3}, 100);
 * int column = vocabulary.indexOf("paris"); // 1
 * }</pre>
 */
public final class Vocabulary implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String HEADER_PREFIX = "# categorizer vocabulary v1 documents=";

    private final String[] terms;
    private final long[] documentFrequencies;
    private final long documentCount;
    private final transient float[] idf;
    private final transient TermIndex index;

    private Vocabulary(String[] terms, long[] documentFrequencies, long documentCount) {
        this.terms = terms;
        this.documentFrequencies = documentFrequencies;
        this.documentCount = documentCount;
        this.idf = new float[terms.length];
        for (int i = 0; i < terms.length; i++) {
            idf[i] = (float) smoothIdf(documentFrequencies[i], documentCount);
        }
        this.index = new TermIndex(terms);
    }

    /**
     * A vocabulary whose term {@code i} is {@code terms.get(i)}.
     *
     * @throws IllegalArgumentException on differing lengths, null, empty or duplicate terms, a negative document
     *     count, or a document frequency outside 0..documentCount
     */
    public static Vocabulary of(List<String> terms, long[] documentFrequencies, long documentCount) {
        if (terms.size() != documentFrequencies.length) {
            throw new IllegalArgumentException("terms and documentFrequencies differ in length: "
                    + terms.size() + " != " + documentFrequencies.length);
        }
        if (documentCount < 0) {
            throw new IllegalArgumentException("documentCount is negative: " + documentCount);
        }
        String[] termArray = terms.toArray(new String[0]);
        for (int i = 0; i < termArray.length; i++) {
            if (termArray[i] == null || termArray[i].isEmpty()) {
                throw new IllegalArgumentException("term " + i + " is " + (termArray[i] == null ? "null" : "empty"));
            }
            long df = documentFrequencies[i];
            if (df < 0 || df > documentCount) {
                throw new IllegalArgumentException("document frequency of '" + termArray[i] + "' is " + df
                        + ", outside 0.." + documentCount);
            }
        }
        return new Vocabulary(termArray, documentFrequencies.clone(), documentCount);
    }

    /** ln((1 + N) / (1 + df)) + 1, scikit-learn's smooth idf: as if one extra document held every term. */
    static double smoothIdf(long documentFrequency, long documentCount) {
        return Math.log((1.0 + documentCount) / (1.0 + documentFrequency)) + 1.0;
    }

    public int size() {
        return terms.length;
    }

    /** The index of {@code term}, or -1 if it is not in the vocabulary. */
    public int indexOf(String term) {
        return index.get(term);
    }

    /**
     * The index of the Latin-1 term {@code text[start, end)} (one byte per character), or -1; makes no string.
     * Reads up to 8 bytes from {@code start} even for a shorter term: see {@link TermIndex#getLatin1}.
     */
    public int indexOfLatin1(byte[] text, int start, int end) {
        return index.getLatin1(text, start, end);
    }

    /**
     * {@link #indexOfLatin1(byte[], int, int)} through a cache of this thread's recent short terms; the cache must
     * be used with this vocabulary only.
     */
    int indexOfLatin1(byte[] text, int start, int end, TermCache cache) {
        return index.getLatin1(text, start, end, cache);
    }

    /** The index of the term {@code text[start, end)}, or -1; makes no string. */
    public int indexOf(char[] text, int start, int end) {
        return index.get(text, start, end);
    }

    public String term(int index) {
        return terms[index];
    }

    /** All terms in index order, unmodifiable. */
    public List<String> terms() {
        return Collections.unmodifiableList(Arrays.asList(terms));
    }

    public long documentFrequency(int index) {
        return documentFrequencies[index];
    }

    /** The number of documents the frequencies were counted over. */
    public long documentCount() {
        return documentCount;
    }

    /** The smooth idf of term {@code index}: ln((1 + N) / (1 + df)) + 1. */
    public float idf(int index) {
        return idf[index];
    }

    /**
     * Writes this vocabulary as UTF-8 text; flushes but does not close {@code out}.
     *
     * @throws IllegalArgumentException if a term contains a tab, CR or LF, which the format cannot hold
     */
    public void writeTo(OutputStream out) throws IOException {
        for (String term : terms) {
            if (term.indexOf('\t') >= 0 || term.indexOf('\n') >= 0 || term.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("term contains a tab or line break and cannot be written: '"
                        + term.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "'");
            }
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write(HEADER_PREFIX + documentCount + "\n");
        for (int i = 0; i < terms.length; i++) {
            writer.write(terms[i]);
            writer.write('\t');
            writer.write(Long.toString(documentFrequencies[i]));
            writer.write('\n');
        }
        writer.flush();
    }

    /**
     * Reads a vocabulary written by {@link #writeTo}; reads {@code in} to its end but does not close it.
     *
     * @throws IOException on invalid UTF-8 or a malformed header or line (the message gives the line number)
     */
    public static Vocabulary readFrom(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        String header = reader.readLine();
        if (header == null || !header.startsWith(HEADER_PREFIX)) {
            throw new IOException("not a categorizer vocabulary: line 1 must start with '" + HEADER_PREFIX + "'");
        }
        long documentCount = parseLong(header.substring(HEADER_PREFIX.length()), 1, "document count");
        List<String> terms = new ArrayList<>();
        long[] dfs = new long[1024];
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            int tab = line.lastIndexOf('\t');
            if (tab <= 0) {
                throw new IOException("vocabulary line " + lineNumber + ": expected 'term<TAB>document frequency'");
            }
            if (terms.size() == dfs.length) {
                dfs = Arrays.copyOf(dfs, dfs.length * 2);
            }
            dfs[terms.size()] = parseLong(line.substring(tab + 1), lineNumber, "document frequency");
            terms.add(line.substring(0, tab));
        }
        try {
            return of(terms, Arrays.copyOf(dfs, terms.size()), documentCount);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid vocabulary: " + e.getMessage(), e);
        }
    }

    private static long parseLong(String text, int lineNumber, String what) throws IOException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("vocabulary line " + lineNumber + ": " + what + " is not an integer: '" + text + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v
                && documentCount == v.documentCount
                && Arrays.equals(terms, v.terms)
                && Arrays.equals(documentFrequencies, v.documentFrequencies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(terms), Arrays.hashCode(documentFrequencies), documentCount);
    }

    @Override
    public String toString() {
        return "Vocabulary[size=" + terms.length + ", documents=" + documentCount + "]";
    }

    /** Java serialization writes terms and counts only; the proxy rebuilds (and re-validates) the rest. */
    private Object writeReplace() {
        return new SerializedForm(terms, documentFrequencies, documentCount);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("Vocabulary is deserialized through its serialized form");
    }

    private record SerializedForm(String[] terms, long[] documentFrequencies, long documentCount)
            implements Serializable {
        private Object readResolve() {
            return Vocabulary.of(Arrays.asList(terms), documentFrequencies, documentCount);
        }
    }
}
