package dev.categorizer.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.categorizer.common.codec.JsonLinesFiles;
import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass words of plain text must be exactly what cleaning then tokenizing gives. */
class PlainWordsTest {

    private static final String[] PIECES = {"a", "Z", "h", "H", "w", "W", "x", "hotel", "Paris", "http://", "https://",
        "HTTP://", "www.", "WwW.", "http:/", "htt", "ww.", "x.com/a?b=1", " ", "  ", "\t", "\n", "\r", "1", "42", ".",
        ",", ":", "/", "'", "-", "@", "[", "`", "{", "\"", ">", "\u007f", "\u0000", "&", "&amp;", "<", "<b>", "\u00e9",
        "\u00a0", "\u4e2d", "\u00c9", "\u00df", "\u0178", "\u00d7", "\u00f7", "\u00aa", "\u00ad", "\u00b5", "\u00b2",
        "\u00c0", "\u00de", "\u00fe", "\u00ff", "\u0301", "\u00a8", "Am\u00e9lie", "\u00c6ON", "h\u00e9", "w\u00e9w.", "<!--", "-->", "<!-- x", "<a href='u&v'>", "</B>", "<3", "< ", "<?x", "<!DOCTYPE", "<\u00e9>",
        "!", "?", "!!", "?!", "!?!"};

    private final TextCleaner cleaner = new TextCleaner();
    private final Tokenizer tokenizer = Tokenizer.of(TokenizerKind.SIMPLE);

    @Test
    void givesTheWordsOfCleaningThenTokenizingOrDeclines() {
        Random random = new Random(5);
        int taken = 0;
        for (int round = 0; round < 100_000; round++) {
            StringBuilder raw = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                raw.append(PIECES[random.nextInt(PIECES.length)]);
            }
            taken += check(raw.toString()) ? 1 : 0;
        }
        assertThat(taken).as("texts the one-pass path took").isGreaterThan(10_000);
    }

    @Test
    void agreesOnTheSampleDataAndTheSharedDatasetsWhenPresent() throws IOException {
        List<Path> files = new ArrayList<>(List.of(findUpwards("data/sample/train.jsonl")));
        for (String dataset : List.of("reuters21578-modapte", "tmdb5000-genres", "goemotions")) {
            Path shared = findUpwards("data/sample/train.jsonl").getParent().getParent().getParent().getParent()
                    .resolve("shared/data/" + dataset + "/train.jsonl");
            if (Files.isRegularFile(shared)) {
                files.add(shared); // read where it lies: never copied into the repository
            }
        }
        int taken = 0;
        for (Path file : files) {
            for (Video video : JsonLinesFiles.readVideos(file)) {
                taken += check(video.title()) ? 1 : 0;
                taken += check(video.description()) ? 1 : 0;
            }
        }
        assertThat(taken).isGreaterThan(100);
    }

    /** Checks one text; true if the one-pass path took it. */
    private boolean check(String raw) {
        PlainWords plain = new PlainWords();
        int words = plain.scan(raw);
        List<String> expected = tokenizer.tokenize(cleaner.clean(raw));
        if (words < 0) {
            boolean needsCleaner = raw.chars().anyMatch(c -> c == '&' || (c >= 0x80 && (c < 0xC0 || c > 0xFF || c == 0xD7 || c == 0xF7)));
            assertThat(needsCleaner).as("declined %s", raw).isTrue();
            return false;
        }
        List<String> actual = new ArrayList<>();
        for (int k = 0; k < words; k++) {
            assertThat(plain.bytes().length).isGreaterThanOrEqualTo(plain.start(k) + PlainWords.PADDING);
            actual.add(new String(plain.bytes(), plain.start(k), plain.end(k) - plain.start(k),
                    StandardCharsets.ISO_8859_1));
        }
        assertThat(actual).as("words of %s", raw).isEqualTo(expected);

        // The same words with the marks, and the marks are the symbols of the cleaned text.
        assertThat(plain.scan(raw, true)).isEqualTo(words);
        List<String> marks = new ArrayList<>();
        for (int k = 0; k < plain.marks(); k++) {
            assertThat(plain.markBytes().length).isGreaterThanOrEqualTo(k + PlainWords.PADDING);
            marks.add(new String(plain.markBytes(), k, 1, StandardCharsets.ISO_8859_1));
        }
        List<String> symbols = new ArrayList<>();
        TextPipeline.addSymbols(cleaner.cleanInto(raw, new CharRun()),
                (text, start, end) -> symbols.add(new String(text, start, end - start)));
        assertThat(marks).as("marks of %s", raw).isEqualTo(symbols);
        return true;
    }

    private static Path findUpwards(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
