package dev.categorizer.cli;

import dev.categorizer.model.bundle.InvalidBundleException;
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

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Exit code of a command refused because of its model bundle. */
    static final int REFUSED_BUNDLE = 3;

    /** Runs the command line and returns its exit code, without exiting; used by tests. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new CategorizerCli());
        for (ExtraCommand extra : ServiceLoader.load(ExtraCommand.class)) {
            cli.addSubcommand(extra);
        }
        cli.addSubcommand(new CommandLine.HelpCommand()); // last in the list, after the extra commands
        return cli.setExecutionExceptionHandler(CategorizerCli::handle).execute(args);
    }

    /**
     * A refused bundle is one line naming the cause, not a stack trace, and so is a job failed by its model
     * ({@link ModelFailureReport}); anything else as picocli shows it.
     */
    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidBundleException) {
                command.getErr().println("categorizer " + command.getCommandName() + ": " + t.getMessage());
                return REFUSED_BUNDLE;
            }
        }
        return new ModelFailureReport().handleExecutionException(e, command, parsed);
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
