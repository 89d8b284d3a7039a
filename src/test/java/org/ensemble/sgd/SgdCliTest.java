package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ensemble run} of a workers scenario: its outputs, and one-line errors with exit 2 for bad input. */
class SgdCliTest {
    static final String GOOD = """
            seed = 2
            shards = 2
            model { type = quadratic, curvature = [1.0], noise-sd = [1.0] }
            workers {
              count = 3
              policy = ssp
              staleness-bound = 1
              lr = 0.2
              delay { model = geometric, mean = 2 }
            }
            run { versions = 3000, report-every = 100, burn-in = 500 }
            """;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true));
        StringWriter err = new StringWriter();
        try {
            int code = Main.execute(new PrintWriter(err, true), args);
            return new Result(code, bytes.toString(), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void aRunWritesItsTablesSummaryAndPlots() throws Exception {
        Path file = tmp.resolve("good.conf");
        Files.writeString(file, GOOD);
        Path out = tmp.resolve("out");
        Result r = run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String f : new String[]{"summary.json", "run.json", "iterates.csv", "staleness.csv", "scenario.conf",
                "plots/loss-over-versions.png", "plots/staleness.png"}) {
            assertTrue(Files.exists(out.resolve(f)), f + " missing");
        }
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"status\" : \"completed\""), summary);
        assertEquals(31, Files.readAllLines(out.resolve("iterates.csv")).size(), "header + 30 reports");
        // SSP with bound s = 1 and M = 3: a worker up to s ahead of the slowest pulls; while it computes, a
        // worker s behind it may push until it is s ahead, 2s + 1 gradients, so no push is staler than
        // (M − 1)(2s + 1) = 6 versions (ASP has no bound); geometric times reach beyond M − 1 = 2.
        List<String> rows = Files.readAllLines(out.resolve("staleness.csv"));
        long max = 0;
        for (String line : rows.subList(1, rows.size())) {
            max = Math.max(max, Long.parseLong(line.split(",")[1]));
        }
        assertTrue(max <= 6 && max >= 3, "max staleness " + max);
        Result v = run("validate", file.toString());
        assertEquals(0, v.code(), v.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative delay|delay { model = fixed, mean = -1 }|workers.delay.mean: expected a positive finite number",
        "zero workers|count = 0|workers.count: expected an integer in [1, 4096], got 0",
        "negative staleness bound|staleness-bound = -1|workers.staleness-bound: expected an integer in [0, 1000000]",
        "misspelt policy|policy = aps|workers.policy: expected one of bsp, ssp, asp, got 'aps'"})
    void badInputIsOneLineNamingFileLineAndKeyWithExit2(String what, String line, String expected) throws Exception {
        String key = line.substring(0, line.indexOf(' '));
        StringBuilder text = new StringBuilder();
        int lineNo = 0;
        int badLine = -1;
        for (String l : GOOD.split("\n")) {
            lineNo++;
            if (l.trim().startsWith(key + " ") || (key.equals("delay") && l.trim().startsWith("delay"))) {
                text.append("  ").append(line).append('\n');
                badLine = lineNo;
            } else {
                text.append(l).append('\n');
            }
        }
        assertTrue(badLine > 0, what);
        Path file = tmp.resolve("bad.conf");
        Files.writeString(file, text.toString());
        Path out = tmp.resolve("never");
        Result r = run("run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: " + file + ":" + badLine + ": " + expected), err);
        assertFalse(Files.exists(out), "nothing written");
    }
}
