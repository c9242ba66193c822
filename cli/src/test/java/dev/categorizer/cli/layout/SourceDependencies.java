package dev.categorizer.cli.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of our packages each package of a source tree refers to, read from the Java sources: imports (static and
 * wildcard ones too) and fully qualified names in the code, not in comments or string literals. A package refers
 * to another when one of its files names a class of it. Enough for a layout check, with no bytecode library.
 *
 * <pre>{@code
 * Map<String, Set<String>> uses = SourceDependencies.of(Path.of("jobs/src/main/java"));
 * // {dev.categorizer.jobs.score=[dev.categorizer.jobs.io, dev.categorizer.jobs.kafka, ...], ...}
 * }</pre>
 */
final class SourceDependencies {

    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    /** A qualified name of ours: lower-case segments (the package), then a class name or a wildcard. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\b(dev\\.categorizer(?:\\.[a-z_][a-z0-9_]*)*)\\s*\\.\\s*(?:[A-Z]|\\*)");

    private SourceDependencies() {}

    /** Package to the other packages it refers to, for every {@code .java} file below {@code sourceRoot}. */
    static Map<String, Set<String>> of(Path sourceRoot) {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String code = codeOnly(Files.readString(file));
                Matcher declared = PACKAGE.matcher(code);
                if (!declared.find()) {
                    continue; // the default package: nothing of ours
                }
                Set<String> used = uses.computeIfAbsent(declared.group(1), p -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(declared.group(1))) {
                        used.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** {@code source} without comments, string and character literals and text blocks (each becomes a blank). */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            char next = i + 1 < n ? source.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? n : end + 3;
                code.append(' ');
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(j + 1, n);
                code.append(' ');
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
