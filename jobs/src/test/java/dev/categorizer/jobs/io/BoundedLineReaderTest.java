package dev.categorizer.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static List<BoundedLineReader.Line> lines(byte[] input, int max) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(input), max);
        List<BoundedLineReader.Line> out = new ArrayList<>();
        for (BoundedLineReader.Line l; (l = reader.next()) != null; ) {
            out.add(l);
        }
        return out;
    }

    private static List<String> texts(String input, int max) throws IOException {
        return lines(input.getBytes(StandardCharsets.UTF_8), max).stream()
                .map(l -> new String(l.bytes(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
        assertThat(texts("a\r\nbc\n\nd", 100)).containsExactly("a", "bc", "", "d");
        assertThat(texts("a\n", 100)).containsExactly("a");
        assertThat(texts("", 100)).isEmpty();
    }

    @Test
    void removesByteOrderMarkAtStartOnly() throws IOException {
        assertThat(texts("\uFEFF{\"id\":1}\n\uFEFFx", 100)).containsExactly("{\"id\":1}", "\uFEFFx");
    }

    @Test
    void numbersLinesFromOne() throws IOException {
        List<BoundedLineReader.Line> lines = lines("a\n\nb\n".getBytes(StandardCharsets.UTF_8), 10);
        assertThat(lines).extracting(BoundedLineReader.Line::number).containsExactly(1L, 2L, 3L);
        assertThat(lines.get(1).isBlank()).isTrue();
    }

    @Test
    void keepsOnlyTheStartOfATooLongLineAndGoesOnAfterIt() throws IOException {
        byte[] big = new byte[200_000]; // spans several read chunks
        Arrays.fill(big, (byte) 'x');
        byte[] input = concat("ok\n".getBytes(StandardCharsets.UTF_8), big, "\nnext\n".getBytes(StandardCharsets.UTF_8));

        List<BoundedLineReader.Line> lines = lines(input, 1000);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).truncated()).isTrue();
        assertThat(lines.get(1).length()).isEqualTo(200_000);
        assertThat(lines.get(1).bytes()).hasSize(1000);
        assertThat(new String(lines.get(2).bytes(), StandardCharsets.UTF_8)).isEqualTo("next");
        assertThat(lines.get(2).truncated()).isFalse();
    }

    @Test
    void passesInvalidUtf8Through() throws IOException {
        byte[] input = {'{', (byte) 0xC3, (byte) 0x28, '}', '\n'};
        assertThat(lines(input, 100).get(0).bytes()).containsExactly('{', (byte) 0xC3, (byte) 0x28, '}');
    }

    @Test
    void readsLinesLongerThanOneChunk() throws IOException {
        String line = "y".repeat(150_000);
        assertThat(texts(line + "\n" + line, 1 << 20)).containsExactly(line, line);
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
