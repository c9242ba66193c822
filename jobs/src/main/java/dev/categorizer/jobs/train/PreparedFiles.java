package dev.categorizer.jobs.train;

import dev.categorizer.common.vocab.Vocabulary;
import dev.categorizer.jobs.io.FilePaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/** Reads and writes the files that pass between the training stages, on any Flink file system. */
final class PreparedFiles {

    private PreparedFiles() {}

    /** What is done with each line or document read; may fail with an I/O error. */
    interface LineHandler {
        void accept(String line) throws IOException;
    }

    /** Hands every prepared document under {@code directory} to {@code into}, one at a time, in no set order. */
    static void forEachDocument(String directory, DocumentHandler into) throws IOException {
        Path root = FilePaths.of(directory);
        FileSystem fs = root.getFileSystem();
        if (fs.exists(root)) {
            readTree(fs, root, line -> into.accept(PreparedDocument.fromJson(line)));
        }
    }

    /** What is done with each prepared document read. */
    interface DocumentHandler {
        void accept(PreparedDocument document) throws IOException;
    }

    private static void readTree(FileSystem fs, Path path, LineHandler into) throws IOException {
        FileStatus[] children = fs.listStatus(path);
        if (children == null) {
            return;
        }
        for (FileStatus child : children) {
            if (FilePaths.isHidden(child.getPath())) {
                continue;
            }
            if (child.isDir()) {
                readTree(fs, child.getPath(), into);
                continue;
            }
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(fs.open(child.getPath()), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        into.accept(line);
                    }
                }
            }
        }
    }

    /** Every non-empty line of the files under {@code directory}, in no particular order. */
    static List<String> readLines(String directory) throws IOException {
        Path root = FilePaths.of(directory);
        List<String> lines = new ArrayList<>();
        FileSystem fs = root.getFileSystem();
        if (fs.exists(root)) {
            readTree(fs, root, lines::add);
        }
        return lines;
    }

    static void writeVocabulary(Vocabulary vocabulary, String file) throws IOException {
        Path path = FilePaths.of(file);
        try (OutputStream out = path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE)) {
            vocabulary.writeTo(out);
        }
    }

    static Vocabulary readVocabulary(String file) throws IOException {
        Path path = FilePaths.of(file);
        try (InputStream in = path.getFileSystem().open(path)) {
            return Vocabulary.readFrom(in);
        }
    }

    /** Deletes {@code path} (file or directory tree) if it exists. */
    static void delete(String path) throws IOException {
        Path p = FilePaths.of(path);
        FileSystem fs = p.getFileSystem();
        if (fs.exists(p)) {
            fs.delete(p, true);
        }
    }
}
