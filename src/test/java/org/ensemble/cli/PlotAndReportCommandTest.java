package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ensemble plot` redraws in place and refuses bad input in one line; `ensemble report` prints the summary again. */
class PlotAndReportCommandTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(new PrintWriter(err, true), args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void redrawsInPlaceAndReportsTheSummary() throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, cli("run", "src/test/resources/scenarios/small-escape.conf", "--set", "run.time=5",
                "--no-metrics", "--quiet", "--out", run.toString()).code);
        Path survival = run.resolve("plots/survival.png");
        byte[] before = Files.readAllBytes(survival);
        Files.delete(survival);
        Result plot = cli("plot", run.toString());
        assertEquals(0, plot.code, plot.err);
        assertTrue(plot.out.startsWith("redrew "), plot.out);
        assertArrayEquals(before, Files.readAllBytes(survival));

        Result report = cli("report", run.toString());
        assertEquals(0, report.code, report.err);
        assertTrue(report.out.contains("status: completed"), report.out);
        assertTrue(report.out.contains("escape:") && report.out.contains("mfpt: "), report.out);
    }

    @Test
    void badDirectoriesAndDataAreOneLineExitTwo() throws Exception {
        Result missing = cli("plot", tmp.resolve("nope").toString());
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("not a directory"), missing.err);

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result none = cli("plot", empty.toString());
        assertEquals(2, none.code);
        assertTrue(none.err.contains("no chart data"), none.err);
        assertEquals(1, none.err.strip().lines().count(), none.err);

        Path bad = Files.createDirectories(tmp.resolve("bad/plots"));
        Files.writeString(bad.resolve("x.chart.json"), "{\"version\": 1, \"type\": \"xy\", \"series\": [");
        Result corrupt = cli("plot", tmp.resolve("bad").toString());
        assertEquals(2, corrupt.code);
        assertTrue(corrupt.err.contains("x.chart.json") && corrupt.err.contains("unreadable chart data"), corrupt.err);
        assertEquals(1, corrupt.err.strip().lines().count(), corrupt.err);
        assertFalse(Files.exists(bad.resolve("x.png")));

        Result noSummary = cli("report", empty.toString());
        assertEquals(2, noSummary.code);
        assertTrue(noSummary.err.contains("no summary.json, sweep.csv or study.csv"), noSummary.err);
        Files.writeString(empty.resolve("summary.json"), "{\"a\": ");
        Result badJson = cli("report", empty.toString());
        assertEquals(2, badJson.code);
        assertTrue(badJson.err.contains("summary.json") && badJson.err.contains("not readable JSON"), badJson.err);
    }

    @Test
    void sweepTablesAreAligned() throws Exception {
        Path sweep = Files.createDirectories(tmp.resolve("sweep"));
        Files.writeString(sweep.resolve("sweep.csv"), "dynamics.beta,mfpt\n2,12.3456789\n10,0.000123456789\n");
        Result r = cli("report", sweep.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("dynamics.beta         mfpt"), r.out);
        assertTrue(r.out.contains("           10  0.000123457"), r.out);
    }
}
