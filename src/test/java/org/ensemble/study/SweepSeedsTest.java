package org.ensemble.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --seeds}: one row per value and seed, and each value's mean ± SE across its seeds. */
class SweepSeedsTest {
    @TempDir
    Path tmp;

    @Test
    void replicasOverSeedsAreTabulatedAndAveraged() throws IOException {
        Path out = tmp.resolve("sweep");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), "sweep", "src/test/resources/scenarios/small-escape.conf",
                "--vary", "dynamics.beta=2,3", "--seeds", "1,2", "--set", "run.time=20", "--no-metrics", "--no-plots",
                "--quiet", "--out", out.toString()), err.toString());
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        assertTrue(rows.get(0).startsWith("dynamics.beta,seed,mfpt,mfpt_ci_low,mfpt_ci_high,mfpt_se,"), rows.get(0));
        assertEquals(5, rows.size());
        assertTrue(Files.isRegularFile(out.resolve("dynamics.beta=3/seed=2/summary.json")));
        double a = Double.parseDouble(rows.get(3).split(",")[2]);
        double b = Double.parseDouble(rows.get(4).split(",")[2]);
        List<String> means = Files.readAllLines(out.resolve("sweep-means.csv"));
        assertEquals(3, means.size());
        String[] m = means.get(2).split(",");
        assertEquals("3", m[0]);
        assertEquals("2", m[1]);
        // Two seeds: mean (a + b)/2, SE = sample SD/√2 = |a − b|/2.
        assertEquals((a + b) / 2, Double.parseDouble(m[2]), 1e-12 * Math.abs(a + b));
        assertEquals(Math.abs(a - b) / 2, Double.parseDouble(m[3]), 1e-12 * Math.abs(a + b));
    }

    @Test
    void seedsOnATrainingSweepAreRefusedWithNothingWritten() {
        Path out = tmp.resolve("training");
        StringWriter err = new StringWriter();
        assertEquals(2, Main.execute(new PrintWriter(err, true), "sweep", "scenarios/mmn-isotropic-gaussians.conf",
                "--vary", "network.width=20,40", "--seeds", "1,2", "--out", out.toString()));
        assertTrue(err.toString().contains("study { vary, values, seeds }"), err.toString());
        assertFalse(Files.exists(out));
    }
}
