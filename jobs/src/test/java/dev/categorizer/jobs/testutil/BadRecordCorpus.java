package dev.categorizer.jobs.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated corpus of hostile input lines for the score job, from a fixed seed: every kind of bad record a
 * producer or an export can make (malformed and truncated JSON, wrong types at every field, missing, empty or
 * null ids, nulls, deep nesting, huge fields, invalid UTF-8 and overlong encodings, control characters and NUL,
 * byte-order marks, right-to-left and emoji text, HTML bombs, texts with no known word, duplicate ids), mixed
 * with good records. Each line is one record; {@link #kinds()} counts them by kind.
 *
 * <pre>{@code
 * BadRecordCorpus corpus = BadRecordCorpus.generate(goodLines, 7);
 * corpus.write(tmp.resolve("input/part-0.jsonl"));
 * }</pre>
 */
public final class BadRecordCorpus {
    private final List<byte[]> lines = new ArrayList<>();
    private final Map<String, Integer> kinds = new LinkedHashMap<>();
    private int blankLines;
    private byte[] hugeTail; // the last line: one with no newline, written streaming

    private BadRecordCorpus() {}

    /** Lines of {@code good} records (valid JSON) and hostile ones made from them, about 1,050 in all. */
    public static BadRecordCorpus generate(List<String> good, long seed) {
        BadRecordCorpus c = new BadRecordCorpus();
        SplittableRandom random = new SplittableRandom(seed);
        String[] fields = {"id", "title", "description", "tags"};
        String[] wrongValues = {"42", "3.5", "true", "false", "{}", "{\"a\": 1}", "[1, 2]", "[[\"x\"]]", "\"\"",
            "null", "-0", "1e400", "[null]", "[{}]", "\"\\u0000\""};
        for (int i = 0; i < 340; i++) {
            String line = good.get(3 + random.nextInt(good.size() - 3));
            c.add("truncated JSON", line.substring(0, 1 + random.nextInt(line.length() - 1)));
        }
        for (int i = 0; i < 160; i++) {
            String line = good.get(3 + random.nextInt(good.size() - 3));
            int at = 1 + random.nextInt(line.length() - 2);
            String junk = "{}[]\",:\\x";
            char junkChar = junk.charAt(random.nextInt(junk.length()));
            c.add("malformed JSON", line.substring(0, at) + junkChar + line.substring(at));
        }
        for (String field : fields) {
            for (String value : wrongValues) {
                c.add("wrong type at " + field, "{\"id\": \"w-" + field + "-" + c.lines.size() + "\", \"title\": "
                        + "\"a war film\", \"" + field + "\": " + value + "}");
            }
        }
        for (int i = 0; i < 20; i++) {
            c.add("missing id", "{\"title\": \"a comedy about a dog " + i + "\"}");
            c.add("empty id", "{\"id\": \"\", \"title\": \"a comedy " + i + "\"}");
            c.add("blank id", "{\"id\": \"   \", \"title\": \"a comedy " + i + "\"}");
            c.add("null id", "{\"id\": null, \"title\": \"a comedy " + i + "\"}");
            c.add("all null", "{\"id\": \"n" + i + "\", \"title\": null, \"description\": null, \"tags\": null}");
        }
        for (int i = 0; i < 20; i++) {
            c.add("not an object", List.of("[]", "\"a string\"", "42", "null", "true").get(i % 5));
            c.add("empty line", "");
            c.add("whitespace line", "   \t ");
            c.blankLines += 2;
        }
        for (int depth : new int[] {100, 1_000, 10_000, 100_000}) {
            c.add("deeply nested", "{\"id\": \"deep" + depth + "\", \"title\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
            c.add("deeply nested", "{\"id\": \"deepo" + depth + "\", \"tags\": [\"x\"], \"extra\": "
                    + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
        }
        c.add("10 MB field", "{\"id\": \"huge-title\", \"title\": \"" + "war ".repeat(10 << 18) + "\"}");
        c.add("10 MB field", "{\"id\": \"huge-tags\", \"tags\": [" + "\"war\",".repeat(2 << 20) + "\"war\"]}");
        for (int i = 0; i < 40; i++) {
            String id = "utf" + i;
            byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xFF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
            c.addBytes("invalid UTF-8 or overlong encoding", concat(
                    ("{\"id\": \"" + id + "\", \"title\": \"caf").getBytes(StandardCharsets.UTF_8),
                    bad[i % bad.length], "\"}".getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 30; i++) {
            c.add("escaped control characters and NUL", "{\"id\": \"ctl" + i + "\", \"title\": \"a war\\u0000film\\u0007"
                    + "\\u001b[31m\", \"description\": \"\\b\\f\\r\\t\"}");
            c.addBytes("raw control character in a string", ("{\"id\": \"raw" + i + "\", \"title\": \"a war"
                    + (char) (i % 31 + 1 == '\n' ? 0x0B : i % 31 + 1) + "film\"}").getBytes(StandardCharsets.UTF_8));
            c.add("raw NUL", "{\"id\": \"nul" + i + "\", \"title\": \"a\u0000war film\"}");
        }
        for (int i = 0; i < 20; i++) {
            c.addBytes("byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    good.get(3 + random.nextInt(good.size() - 3)).getBytes(StandardCharsets.UTF_8)));
            c.add("right-to-left and emoji", "{\"id\": \"rtl" + i + "\", \"title\": \"\u202Efilm war \u05E9\u05DC\u05D5\u05DD "
                    + "\uD83C\uDFAC\uD83D\uDE00\", \"tags\": [\"\u0645\u0631\u062D\u0628\u0627\", \"\uD83D\uDD25\"]}");
            c.add("unpaired surrogate escape", "{\"id\": \"sur" + i + "\", \"title\": \"war \\uD800 film\"}");
        }
        for (int i = 0; i < 4; i++) {
            c.add("HTML bomb: nested tags", "{\"id\": \"html" + i + "\", \"description\": \""
                    + "<div>".repeat(50_000) + "a war film" + "</div>".repeat(50_000) + "\"}");
            c.add("HTML bomb: entities", "{\"id\": \"ent" + i + "\", \"description\": \""
                    + "&amp;".repeat(200_000) + " war &#x1F600; &#99999999999; &lol;\"}");
        }
        for (int i = 0; i < 40; i++) {
            c.add("no known word", "{\"id\": \"unk" + i + "\", \"title\": \"qwxzv plrkt " + i + "\"}");
        }
        // The first three good records are the duplicates, ten copies each; the other kinds draw from the rest.
        for (int i = 0; i < 30; i++) {
            c.add("duplicate id (valid)", good.get(i % 3));
        }
        for (int i = 3; i < good.size(); i++) {
            c.add("good", good.get(i));
        }
        return c;
    }

    /** Adds a 200 MB line with no newline at the end of the file. */
    public BadRecordCorpus withHugeLastLine() {
        hugeTail = "{\"id\": \"endless\", \"title\": \"".getBytes(StandardCharsets.UTF_8);
        kinds.merge("200 MB line with no newline", 1, Integer::sum);
        return this;
    }

    private void add(String kind, String line) {
        addBytes(kind, line.getBytes(StandardCharsets.UTF_8));
    }

    private void addBytes(String kind, byte[] line) {
        lines.add(line);
        kinds.merge(kind, 1, Integer::sum);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** Records in the corpus: its lines but the blank ones, which the reader skips as no record at all. */
    public int records() {
        return lines.size() - blankLines + (hugeTail == null ? 0 : 1);
    }

    /** The lines, blank ones included, as a producer would send them one record each (no huge last line). */
    public List<byte[]> lines() {
        return java.util.Collections.unmodifiableList(lines);
    }

    /** How many records of each kind. */
    public Map<String, Integer> kinds() {
        return kinds;
    }

    /** Writes the corpus as one JSON-lines file (the huge line, if any, last and without a newline). */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (byte[] line : lines) {
                out.write(line);
                out.write('\n');
            }
            if (hugeTail != null) {
                out.write(hugeTail);
                byte[] words = "war film ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
                for (long written = 0; written < 200L << 20; written += words.length) out.write(words);
            }
        }
    }
}
