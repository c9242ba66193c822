package dev.categorizer.cli.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout of the modules' main sources: no package cycle, within a module or across, and dependencies that
 * point one way: cli -> jobs, sql -> flink-support -> model -> common (benchmarks on top), with no Flink in model
 * or common. Lives in cli, the module that depends on all the production ones, and reads the sources of all.
 */
class ModuleLayoutTest {

    /** Each module's own root package and the root packages of ours it may refer to, bottom up. */
    private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("common", List.of("common"));
        MAY_USE.put("tensorflow-support", List.of("tensorflow"));
        MAY_USE.put("model", List.of("model", "tensorflow", "common"));
        MAY_USE.put("flink-support", List.of("flink", "model", "common"));
        MAY_USE.put("sql", List.of("sql", "flink", "model", "common"));
        MAY_USE.put("jobs", List.of("jobs", "flink", "model", "common"));
        MAY_USE.put("cli", List.of("cli", "jobs", "sql", "flink", "model", "common"));
        MAY_USE.put("benchmarks", List.of("benchmarks", "cli", "jobs", "sql", "flink", "model", "tensorflow", "common"));
    }

    private static final Path ROOT = repositoryRoot();

    @Test
    void everyModuleWithMainSourcesIsChecked() {
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        while (m.find()) {
            if (Files.isDirectory(ROOT.resolve(m.group(1)).resolve("src/main/java"))) {
                modules.add(m.group(1));
            }
        }
        assertThat(modules).containsExactlyInAnyOrderElementsOf(MAY_USE.keySet());
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> graph = new TreeMap<>();
        MAY_USE.keySet().forEach(module -> graph.putAll(mainPackages(module)));

        List<Set<String>> cycles = PackageCycles.of(graph);

        assertThat(cycles).as("package cycles, with what each package of one uses:%n%s", describe(cycles, graph))
                .isEmpty();
    }

    @Test
    void modulesDependOneWayAndJobsAndSqlNotOnEachOther() {
        for (Map.Entry<String, List<String>> module : MAY_USE.entrySet()) {
            mainPackages(module.getKey()).forEach((pkg, uses) -> assertThat(uses).as("%s (%s)", pkg, module.getKey())
                    .allSatisfy(used -> assertThat(module.getValue()).contains(rootOf(used))));
            assertThat(mainPackages(module.getKey()).keySet()).as("packages of %s", module.getKey())
                    .allSatisfy(pkg -> assertThat(rootOf(pkg)).isEqualTo(module.getValue().get(0)));
        }
    }

    @Test
    void modelAndCommonAreFreeOfFlink() {
        for (String module : List.of("common", "model")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".java")))
                        .allSatisfy(f -> assertThat(SourceDependencies.codeOnly(read(f))).as("%s", f)
                                .doesNotContain("org.apache.flink"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Map<String, Set<String>> mainPackages(String module) {
        return SourceDependencies.of(ROOT.resolve(module).resolve("src/main/java"));
    }

    /** dev.categorizer.jobs.score -> jobs */
    private static String rootOf(String pkg) {
        String rest = pkg.substring("dev.categorizer.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String describe(List<Set<String>> cycles, Map<String, Set<String>> graph) {
        StringBuilder text = new StringBuilder();
        for (Set<String> cycle : cycles) {
            for (String pkg : cycle) {
                List<String> inCycle = graph.get(pkg).stream().filter(cycle::contains).toList();
                text.append("  ").append(pkg).append(" -> ").append(inCycle).append('\n');
            }
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout: the first folder upwards from the working directory (the module's) with common/ and cli/. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("common/src/main/java")) && Files.isDirectory(dir.resolve("cli"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no checkout above " + Path.of("").toAbsolutePath());
    }
}
