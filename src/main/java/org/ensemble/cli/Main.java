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
        subcommands = {RunCommand.class, ResumeCommand.class, ValidateCommand.class, SweepCommand.class, ListCommand.class,
            PlotCommand.class, ReportCommand.class, org.ensemble.cluster.NodeCommand.class,
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
        org.ensemble.kernel.Devices.quietMissingOpenCl();
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
            if (e instanceof RunFailedException || e instanceof java.io.UncheckedIOException) {
                // A run that failed, or an I/O failure (full disk, unwritable path): one line, not a trace.
                w.println("error: " + e.getMessage());
                w.flush();
                return EXIT_FAILURE;
            }
            // Not an input or I/O problem: a bug. Say so in words; the trace is for the report.
            w.println("error: " + (e.getMessage() != null ? e.getMessage() : "unexpected failure")
                    + " (an internal error; please report it with the trace below)");
            e.printStackTrace(w);
            w.flush();
            return EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("error: " + parameterMessage(e));
            w.flush();
            return EXIT_BAD_INPUT;
        });
        return cl.execute(args);
    }

    /**
     * One line for a bad command line: picocli's own message lists every unmatched argument, so a
     * typo in the command name ("rnu x.conf") reads as noise; name the typo and the nearest command
     * or option instead, and where to look.
     */
    static String parameterMessage(CommandLine.ParameterException e) {
        String help = "see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            CommandLine cl = e.getCommandLine();
            boolean command = !arg.startsWith("-") && !cl.getSubcommands().isEmpty();
            boolean option = !command && u.isUnknownOption();
            String what = command ? "unknown command '" + arg + "'" : option ? "unknown option '" + arg + "'"
                    : "unexpected argument '" + arg + "'";
            String near = command ? nearest(arg, cl.getSubcommands().keySet())
                    : option ? nearest(arg.replaceFirst("=.*", ""), cl.getCommandSpec().optionsMap().keySet()) : null;
            return what + (near == null ? "" : "; did you mean '" + near + "'?") + " (" + help + ")";
        }
        return e.getMessage() + " (" + help + ")";
    }

    /**
     * The candidate closest to {@code typed} in edit distance (a swap of neighbours counts once, so
     * "rnu" is one step from "run"), if it is close enough to be a typo; null otherwise. picocli's
     * own suggestions rank by shared letter pairs and offer "--no-metrics" for "--no-plot".
     */
    static String nearest(String typed, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Math.max(1, Math.min(3, typed.length() / 3));
        for (String c : candidates) {
            int d = editDistance(typed, c);
            if (d <= bestDistance && (best == null || d < editDistance(typed, best))) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
