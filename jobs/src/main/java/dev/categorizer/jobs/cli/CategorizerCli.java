package dev.categorizer.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code categorizer} command line: one subcommand per job. Also the entry class of the Flink job jar, so
 * {@code flink run categorizer-jobs-flink.jar train ...} runs the same code on a cluster.
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
            SqlCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CategorizerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns its exit code, without exiting; used by tests. */
    public static int run(String... args) {
        return new CommandLine(new CategorizerCli())
                .setExecutionExceptionHandler(new ModelFailureReport())
                .execute(args);
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
