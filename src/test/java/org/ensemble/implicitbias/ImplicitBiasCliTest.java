package org.ensemble.implicitbias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ensemble.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ensemble run} on an implicit-bias scenario: outputs, identical bytes for any shard count, bad input. */
class ImplicitBiasCliTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        return Main.execute(new PrintWriter(err, true), args);
    }

    @Test
    void runWritesSummaryTableAndPlotSameBytesForOneAndThreeShards() throws Exception {
        Path conf = tmp.resolve("ls.conf");
        Files.writeString(conf, "seed = 4\nimplicit-bias {\n  problem = least-squares\n  n = 6\n  d = 15\n"
                + "  steps = 300\n  block-size = 2\n}\n");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "run", conf.toString(), "--quiet", "--no-metrics", "--out", tmp.resolve("a").toString(), "--set",
                "shards=1"), err.toString());
        assertEquals(0, run(err, "run", conf.toString(), "--quiet", "--no-plots", "--no-metrics", "--out", tmp.resolve("b").toString(),
                "--set", "shards=3"), err.toString());
        for (String f : new String[] {"summary.json", "trajectory.csv", "scenario.conf", "distance.png"}) {
            assertTrue(Files.exists(tmp.resolve("a").resolve(f)), f);
        }
        assertEquals(Files.readString(tmp.resolve("a/trajectory.csv")), Files.readString(tmp.resolve("b/trajectory.csv")));
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() throws Exception {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "seed = 4\nimplicit-bias {\n  problem = least-squares\n  steps = -3\n}\n");
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("out");
        assertEquals(2, run(err, "run", conf.toString(), "--no-metrics", "--out", out.toString()));
        String msg = err.toString().strip();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.contains(conf + ":4: implicit-bias.steps: expected an integer in [1, "), msg);
        assertFalse(Files.exists(out));
        assertFalse(msg.contains("Exception"), msg);
    }
}
