package dev.categorizer.jobs.testutil;

import dev.categorizer.common.codec.DeadLetterJsonCodec;
import dev.categorizer.common.codec.PredictionJsonCodec;
import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Prediction;
import dev.categorizer.jobs.sink.PredictionAvro;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Reads what the jobs wrote: the finished part files of an output directory (in-progress files are hidden). */
public final class OutputFiles {

    private OutputFiles() {}

    /** Finished part files under {@code dir} (none when it does not exist). */
    public static List<Path> parts(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(Path dir) {
        List<String> lines = new ArrayList<>();
        for (Path p : parts(dir)) {
            try {
                Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    public static List<Prediction> jsonPredictions(Path dir) {
        return lines(dir).stream().map(PredictionJsonCodec::decode).toList();
    }

    public static List<DeadLetter> deadLetters(Path dir) {
        return lines(dir).stream().map(DeadLetterJsonCodec::decode).toList();
    }

    public static List<Prediction> parquetPredictions(Path dir) {
        List<Prediction> out = new ArrayList<>();
        for (Path p : parts(dir)) {
            try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(p)).build()) {
                for (GenericRecord g = r.read(); g != null; g = r.read()) out.add(PredictionAvro.fromRecord(g));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
