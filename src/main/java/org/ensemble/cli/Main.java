package org.ensemble.cli;

import java.io.PrintWriter;
import org.ensemble.kernel.BackendUnavailableException;
import org.ensemble.run.RunFailedException;
import org.ensemble.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ensemble} command. Exit codes: 0 success, 1 failure, 2 bad input (scenario, flags,
 * files, unavailable backend), 3 the run diverged (outputs kept).
 */
@Command(name = "ensemble", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Simulate populations of stochastic particles and their mean-field limits.",
        subcommands = {RunCommand.class, ValidateCommand.class, SweepCommand.class, ListCommand.class,
            DevicesCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_DIVERGED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, with errors going to {@code err}. */
    public static int execute(PrintWriter err, String... args) {
        System.setProperty("java.awt.headless", "true");
        // Initialise logging before actor threads race to do it (SLF4J then replays and warns).
        org.slf4j.LoggerFactory.getILoggerFactory();
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter w = cmd.getErr();
            if (e instanceof ScenarioException || e instanceof BackendUnavailableException
                    || e instanceof IllegalArgumentException) {
                w.println("error: " + e.getMessage());
                w.flush();
                return EXIT_BAD_INPUT;
            }
            if (e instanceof RunFailedException) {
                w.println("error: " + e.getMessage());
                w.flush();
                return EXIT_FAILURE;
            }
            w.println("error: " + e);
            e.printStackTrace(w);
            w.flush();
            return EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().flush();
            return EXIT_BAD_INPUT;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"ensemble " + (v == null ? "dev" : v) + " (Java " + System.getProperty("java.version")
                    + ")"};
        }
    }
}
