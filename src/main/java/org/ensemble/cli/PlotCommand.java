package org.ensemble.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ensemble.plot.ChartFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Draw every plot of a run or sweep again (PNG, SVG, plot model) from the chart data written"
                + " beside each one (NAME.chart.json): the same bytes with the same version, the current house"
                + " style after it changed.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run's or sweep's output directory")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "write the plots here, in the same layout"
            + " (default: in place, over the old ones)")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory (expected a run's or sweep's output directory)");
        }
        List<Path> data = chartData(dir);
        if (data.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no chart data (*" + ChartFiles.DATA_SUFFIX + ") to draw from;"
                    + " runs made before the plots recorded their data must be run again");
        }
        Path target = out != null ? out : dir;
        for (Path d : data) {
            Path rel = dir.relativize(d.getParent());
            ChartFiles.redraw(d, target.resolve(rel));
        }
        System.out.printf("redrew %d plot%s from %s%s%n", data.size(), data.size() == 1 ? "" : "s", dir,
                out != null ? " into " + out : "");
        return 0;
    }

    /** Every chart data file under the directory, in path order; checkpoints and staging areas left out. */
    static List<Path> chartData(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(ChartFiles.DATA_SUFFIX))
                    .filter(p -> !hidden(dir, p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p.getParent() == null ? p : p.getParent())) {
            String s = part.toString();
            if (s.startsWith(".") || s.equals("checkpoint")) {
                return true;
            }
        }
        return p.getFileName().toString().startsWith(".");
    }
}
