package dev.categorizer.cli;

import dev.categorizer.sql.bundle.ModelAccess;
import dev.categorizer.common.config.SecretKeys;
import dev.categorizer.sql.runner.SecretValues;
import dev.categorizer.sql.runner.SqlRunner;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import dev.categorizer.sql.runner.SqlScriptException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code categorizer sql}: runs Flink SQL statements on an embedded MiniCluster with the CATEGORIZE functions and
 * the {@code categorizer} model provider on the classpath; the work is done by {@link SqlRunner}.
 */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Runs Flink SQL statements (a script file and/or -e) on an embedded Flink cluster and prints query results.",
            "The CATEGORIZE / CATEGORY_SCORES functions and the 'categorizer' model provider are on the classpath.",
            "Placeholders $${NAME} or $${NAME:-default} in the statements are replaced by -D NAME=value.",
            "Credentials (SET 's3.secret-key' = ..., 'properties.sasl.jaas.config' = ...) belong in the --file script,"
                    + " not in -e or -D, which ps shows; they are printed as ******."
        })
public final class SqlCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "SQL script to run, e.g. sql/scripts/count-by-category.sql.")
    Path file;

    @Option(names = "-e", paramLabel = "STATEMENTS", description = "Statements to run (after --file), separated by ';'.")
    String statements;

    @Option(names = "-D", paramLabel = "NAME=VALUE",
            description = "Value of a $${NAME} placeholder; repeatable. Not for credentials (a NAME such as S3_SECRET_KEY"
                    + " is refused).")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--model-root", paramLabel = "DIR",
            description = "A directory (or Flink URI) under which SQL may load model bundles; repeatable. Default: "
                    + "categorizer.model.roots of the Flink configuration, else the current directory.")
    List<String> modelRoots = new ArrayList<>();

    @Mixin
    TrustOptions trust = new TrustOptions();

    @Override
    public Integer call() {
        if (file == null && statements == null) {
            System.err.println("Give a script with --file FILE or statements with -e \"...\".");
            return 2;
        }
        String refused = credentialOnTheCommandLine();
        if (refused != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), refused);
        }
        StringBuilder script = new StringBuilder();
        if (file != null) {
            script.append(SqlRunner.readScript(file)).append("\n;\n");
        }
        if (statements != null) {
            script.append(statements);
        }
        ModelAccess.install(modelAccess());
        try {
            SqlRunner.run(script.toString(), variables, EmbeddedCluster.configuration(), SqlRunner.Output.PRINT,
                    System.out);
            return 0;
        } catch (SqlScriptException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 1;
        } finally {
            ModelAccess.install(null);
        }
    }

    /**
     * What the queries of this run may load: the roots of the options, else those of the Flink configuration,
     * else the current directory (the embedded cluster runs here, for the user who started it).
     */
    ModelAccess modelAccess() {
        ModelAccess configured = ModelAccess.from(TrustOptions.flinkConfiguration());
        List<String> roots = !modelRoots.isEmpty() ? modelRoots
                : !configured.roots().isEmpty() ? configured.roots()
                : List.of(Path.of("").toAbsolutePath().toString());
        return ModelAccess.of(roots, trust.keys());
    }

    /** A credential given with -e or -D is seen by every user of the machine (ps) and kept in shell histories. */
    private String credentialOnTheCommandLine() {
        Set<String> keys = statements == null ? Set.of() : SecretValues.secretKeys(statements);
        if (!keys.isEmpty()) {
            return "-e sets the credential '" + keys.iterator().next() + "' on the command line: write that statement"
                    + " in the --file script instead (readable by you only)";
        }
        for (String name : variables.keySet()) {
            if (SecretKeys.isSecret(name)) {
                return "-D " + name + " would put a credential on the command line: write it in the --file script"
                        + " instead (readable by you only)";
            }
        }
        return null;
    }
}
