package org.ensemble.cli;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ensemble.output.SummaryText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Print a finished run's summary again from its summary.json (a sweep's or study's: its table,"
                + " sweep.csv or study.csv, and the means across seeds),"
                + " for runs of every kind.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run's or sweep's output directory")
    Path dir;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory (expected a run's or sweep's output directory)");
        }
        Path summary = dir.resolve("summary.json");
        if (Files.isRegularFile(summary)) {
            JsonNode json;
            try {
                json = new ObjectMapper().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature())
                        .readTree(summary.toFile());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(summary + ": not readable JSON: " + e.getOriginalMessage()
                        + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + summary + ": " + e.getMessage(), e);
            }
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException(summary + ": expected a JSON object");
            }
            System.out.println(dir);
            SummaryText.lines(json).forEach(l -> System.out.println("  " + l));
            return 0;
        }
        for (String kind : List.of("sweep", "study")) {
            Path table = dir.resolve(kind + ".csv");
            if (Files.isRegularFile(table)) {
                System.out.println(dir + " (" + kind + ")");
                table(table).forEach(l -> System.out.println("  " + l));
                Path means = dir.resolve(kind + "-means.csv");
                if (Files.isRegularFile(means)) {
                    System.out.println("mean ± SE across seeds (" + means.getFileName() + ")");
                    table(means).forEach(l -> System.out.println("  " + l));
                }
                return 0;
            }
        }
        Path partial = dir.resolveSibling("." + dir.getFileName() + ".partial");
        throw new IllegalArgumentException(dir + ": no summary.json, sweep.csv or study.csv" + (Files.isDirectory(partial)
                || Files.isDirectory(dir.resolve("checkpoint")) ? " (the run did not finish: ensemble resume " + dir
                + ")" : " (not a finished run's directory)"));
    }

    /** A CSV file as aligned columns, numbers to six significant digits. */
    static List<String> table(Path csv) {
        List<String> rows;
        try {
            rows = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        List<String[]> cells = rows.stream().filter(r -> !r.isBlank()).map(r -> r.split(",", -1))
                .map(ReportCommand::round).toList();
        int columns = cells.stream().mapToInt(c -> c.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : cells) {
            for (int j = 0; j < r.length; j++) {
                width[j] = Math.max(width[j], r[j].length());
            }
        }
        return cells.stream().map(r -> {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < r.length; j++) {
                b.append(j == 0 ? "" : "  ").append(String.format("%" + width[j] + "s", r[j]));
            }
            return b.toString().stripTrailing();
        }).toList();
    }

    private static String[] round(String[] row) {
        String[] out = row.clone();
        for (int j = 0; j < out.length; j++) {
            try {
                double v = Double.parseDouble(out[j]);
                out[j] = SummaryText.value(new ObjectMapper().getNodeFactory().numberNode(v));
            } catch (NumberFormatException e) {
                // a header or text cell: as it is
            }
        }
        return out;
    }
}
