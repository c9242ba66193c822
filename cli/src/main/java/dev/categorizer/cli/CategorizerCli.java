package dev.categorizer.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code categorizer} command line: one subcommand per job. Also the entry class of the Flink job jar, so
 * {@code flink run categorizer-cli-<version>-flink.jar train ...} runs the same code on a cluster. Subcommands
 * that are not in that jar ({@code bench}, see {@link ExtraCommand}) are added when they are on the class path.
 */
@Command(
        name = "categorizer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Predicts the categories of videos from their title, description and tags, on Apache Flink.",
        subcommands = {
            DemoCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            ScoreCommand.class,
            ExplainCommand.class,
            SqlCommand.class,
            KeygenCommand.class
        })
public final class CategorizerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "When a command fails, print the stack trace after the line that says why.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Exit code of a command refused because of its model bundle: a failure, as picocli counts it. */
    static final int REFUSED_BUNDLE = FailureReport.EXIT_CODE;

    /** Runs the command line and returns its exit code, without exiting; used by tests. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new CategorizerCli());
        for (ExtraCommand extra : ServiceLoader.load(ExtraCommand.class)) {
            cli.addSubcommand(extra);
        }
        cli.addSubcommand(new CommandLine.HelpCommand()); // last in the list, after the extra commands
        CommandLine.IExecutionStrategy execute = new CommandLine.RunLast();
        return cli.setExecutionStrategy(parsed -> {
                    if (!helpRequested(parsed)) CliLog.announce();
                    return execute.execute(parsed);
                })
                .setExecutionExceptionHandler(new FailureReport())
                .setParameterExceptionHandler(CategorizerCli::usageError)
                .execute(args);
    }

    private static boolean helpRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) return true;
        }
        return false;
    }

    /** A usage error is one line that names it and where the options are; exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        command.getErr().println(name + ": " + e.getMessage() + " (see " + name + " --help)");
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    public static void main(String[] args) {
        CliLog.start(args);
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
