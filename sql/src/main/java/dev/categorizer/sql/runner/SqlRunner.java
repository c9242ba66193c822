package dev.categorizer.sql.runner;

import dev.categorizer.common.config.SecretKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs a SQL script on an embedded Flink MiniCluster, with the categorizer function and model provider on the
 * classpath, so that no Flink distribution is needed. Statements run in order; a failing one stops the script.
 *
 * <p>Placeholders {@code ${NAME}} / {@code ${NAME:-default}} are replaced first (see {@link ScriptVariables}).
 * {@code SET 'key' = 'value'} statements set Flink options; those before the first other statement configure the
 * session when it is created, which is the only place where {@code execution.runtime-mode} (streaming by default,
 * or batch) can be chosen. Queries are printed as tables ({@link TableResult#print()}) or collected; {@code INSERT}
 * statements wait for their job to finish.
 *
 * <p>Credentials are never echoed: the values of secret options ({@code SET 's3.secret-key' = '...'},
 * {@code WITH ('properties.sasl.jaas.config' = '...')}, see {@link SecretKeys})
 * show as {@code ******} in progress messages, in the message and causes of a {@link SqlScriptException}, and in
 * the printed results of {@code SHOW CREATE ...} and {@code DESCRIBE CATALOG}, which Flink prints as they are, and
 * in the names of the jobs, which Flink takes from the statements' text.
 *
 * <pre>{@code
 * SqlRunner.run(SqlRunner.readScript(Path.of("sql/scripts/count-by-category.sql")),
 *         Map.of("MODEL_PATH", "models/films"), SqlRunner.Output.PRINT);
 * List<StatementResult> results = SqlRunner.run("SELECT 1", Map.of(), SqlRunner.Output.COLLECT);
 * }</pre>
 */
public final class SqlRunner {

    /** What to do with query results. */
    public enum Output {
        /** Print each query's rows as a table to standard output, as they come (unbounded queries never end). */
        PRINT,
        /** Collect each query's rows into its {@link StatementResult}; for bounded queries. */
        COLLECT
    }

    private static final Pattern SHOWS_OPTIONS = Pattern.compile("(?is)\\s*(SHOW\\s+CREATE|DESC(RIBE)?\\s+CATALOG)\\b");
    private static final Pattern SET = Pattern.compile("(?is)SET\\s+'((?:[^']|'')*)'\\s*=\\s*'((?:[^']|'')*)'");

    private final Configuration configuration;
    private final Output output;
    private final PrintStream log;
    private final SecretValues secrets = new SecretValues();
    private TableEnvironment tableEnvironment;

    private SqlRunner(Configuration configuration, Output output, PrintStream log) {
        this.configuration = new Configuration(configuration);
        this.output = output;
        this.log = log;
        secrets.learn(configuration.toMap());
    }

    /** Runs {@code script} with the given placeholder values; progress goes to standard output. */
    public static List<StatementResult> run(String script, Map<String, String> variables, Output output) {
        return run(script, variables, new Configuration(), output, System.out);
    }

    /**
     * Runs {@code script} with the given placeholder values and initial Flink options; messages go to {@code log}.
     *
     * @throws IllegalArgumentException when a placeholder has no value (nothing has run then)
     * @throws SqlScriptException when a statement fails (the ones before it have run)
     */
    public static List<StatementResult> run(
            String script, Map<String, String> variables, Configuration configuration, Output output,
            PrintStream log) {
        List<Statement> statements = new ArrayList<>();
        for (Statement s : StatementSplitter.split(script)) {
            statements.add(new Statement(ScriptVariables.substitute(s.sql(), variables), s.line()));
        }
        return new SqlRunner(configuration, output, log).execute(statements);
    }

    /** Reads a script file (UTF-8). */
    public static String readScript(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SQL script " + file + ": " + e.getMessage(), e);
        }
    }

    private List<StatementResult> execute(List<Statement> statements) {
        // All of them first: an error may quote a credential that a later statement sets as well.
        statements.forEach(s -> secrets.learn(s.sql()));
        List<StatementResult> results = new ArrayList<>();
        for (Statement statement : statements) {
            try {
                results.add(execute(statement));
            } catch (RuntimeException e) {
                throw new SqlScriptException(shown(statement), ScrubbedException.of(e, secrets::scrub), hint(statement));
            }
        }
        return results;
    }

    /** The statement as it may be printed: its credentials redacted before it is shortened to a summary. */
    private Statement shown(Statement statement) {
        return new Statement(secrets.scrub(statement.sql()), statement.line());
    }

    /** Flink's own error for ML_PREDICT in batch mode is a planner dump that does not say so. */
    private String hint(Statement statement) {
        boolean batch = configuration.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
        return batch && statement.sql().toUpperCase(Locale.ROOT).contains("ML_PREDICT")
                ? "ML_PREDICT runs in streaming mode only (Flink 2.2): remove SET 'execution.runtime-mode' = 'batch'."
                : null;
    }

    private StatementResult execute(Statement statement) {
        Matcher set = SET.matcher(statement.sql());
        if (set.matches()) {
            return set(statement, set.group(1).replace("''", "'"), set.group(2).replace("''", "'"));
        }
        TableResult result = executeSql(statement);
        List<String> columns = result.getResolvedSchema().getColumnNames();
        if (result.getResultKind() == ResultKind.SUCCESS) {
            log.println("[OK] " + shown(statement).summary());
            return new StatementResult(statement, result.getResultKind(), columns, List.of());
        }
        if (isModification(statement)) {
            await(result);
            log.println("[OK] " + shown(statement).summary() + " (job "
                    + result.getJobClient().map(c -> c.getJobID().toString()).orElse("-") + " finished)");
            return new StatementResult(statement, result.getResultKind(), columns, List.of());
        }
        if (output == Output.PRINT && showsOptions(statement)) {
            // Flink prints the options of SHOW CREATE TABLE ... WITH ('s3.secret-key' = ...) as they are.
            collect(result).forEach(row -> System.out.println(secrets.scrub(text(row))));
            return new StatementResult(statement, result.getResultKind(), columns, List.of());
        }
        if (output == Output.PRINT) {
            result.print();
            return new StatementResult(statement, result.getResultKind(), columns, List.of());
        }
        return new StatementResult(statement, result.getResultKind(), columns, collect(result));
    }

    private static List<Row> collect(TableResult result) {
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            it.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        return rows;
    }

    private static String text(Row row) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.getArity(); i++) fields.add(String.valueOf(row.getField(i)));
        return String.join("\t", fields);
    }

    /** Statements whose result holds the options of a table, view, catalog or model. */
    private static boolean showsOptions(Statement statement) {
        return SHOWS_OPTIONS.matcher(statement.sql()).lookingAt();
    }

    /**
     * Flink names a job after its statement's text, which the web UI and the logs show: a statement with a
     * credential runs under its redacted text instead, unless the script named its jobs with 'pipeline.name'.
     */
    private TableResult executeSql(Statement statement) {
        TableEnvironment env = environment();
        String shown = secrets.scrub(statement.sql()).strip();
        if (shown.equals(statement.sql().strip()) || env.getConfig().getOptional(PipelineOptions.NAME).isPresent()) {
            return env.executeSql(statement.sql());
        }
        Configuration session = env.getConfig().getConfiguration();
        session.set(PipelineOptions.NAME, shown);
        try {
            return env.executeSql(statement.sql()); // the job is submitted by now
        } finally {
            session.removeConfig(PipelineOptions.NAME);
        }
    }

    private StatementResult set(Statement statement, String key, String value) {
        if (tableEnvironment == null) {
            configuration.setString(key, value);
        } else if (key.equals(ExecutionOptions.RUNTIME_MODE.key())) {
            RuntimeExecutionMode current = tableEnvironment.getConfig().get(ExecutionOptions.RUNTIME_MODE);
            if (!current.name().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("'" + key + "' can only be set before the first statement"
                        + " that is not a SET; the session already runs in " + current + " mode.");
            }
        } else {
            tableEnvironment.getConfig().getConfiguration().setString(key, value);
        }
        log.println("[OK] SET '" + key + "' = '" + SecretKeys.redact(key, value) + "'");
        return new StatementResult(statement, ResultKind.SUCCESS, List.of(), List.of());
    }

    private TableEnvironment environment() {
        if (tableEnvironment == null) {
            EnvironmentSettings.Builder settings = EnvironmentSettings.newInstance().withConfiguration(configuration);
            boolean batch = configuration.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
            tableEnvironment = TableEnvironment.create(
                    (batch ? settings.inBatchMode() : settings.inStreamingMode()).build());
        }
        return tableEnvironment;
    }

    private static void await(TableResult result) {
        try {
            result.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the job to finish.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(SqlScriptException.describe(e), e);
        }
    }

    private static boolean isModification(Statement statement) {
        String head = statement.sql().stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("INSERT") || head.startsWith("EXECUTE");
    }
}
