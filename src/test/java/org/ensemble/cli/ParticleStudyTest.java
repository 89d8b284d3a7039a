package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A particle scenario's {@code study { vary, values, seeds }} block: one run per value and seed,
 * study.csv and the mean ± SE across seeds, the same bytes whether points run one at a time or
 * several at once; a bad block is one line and exit 2.
 */
class ParticleStudyTest {
    @TempDir
    Path tmp;

    private Path scenario(String study) throws Exception {
        Path f = tmp.resolve("study.conf");
        Files.writeString(f, Files.readString(Path.of("src/test/resources/scenarios/small-escape.conf"))
                + "\nrun.time = 6\n" + study + "\n");
        return f;
    }

    private static int cli(StringWriter err, String... args) {
        return Main.execute(new PrintWriter(err, true), args);
    }

    @Test
    void studyRunsEveryValueAndSeedTheSameForAnyNumberOfJobs() throws Exception {
        Path f = scenario("study { vary = dynamics.beta, values = [2, 3], seeds = [1, 2] }");
        StringWriter err = new StringWriter();
        assertEquals(0, cli(err, "run", f.toString(), "--no-metrics", "--quiet", "--out", tmp.resolve("one").toString()),
                err.toString());
        assertEquals(0, cli(err, "run", f.toString(), "--no-metrics", "--quiet", "--jobs", "2", "--out",
                tmp.resolve("two").toString()), err.toString());
        List<String> rows = Files.readAllLines(tmp.resolve("one/study.csv"));
        assertEquals(5, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("dynamics.beta,seed,mfpt,"), rows.get(0));
        assertTrue(rows.get(1).startsWith("2,1,") && rows.get(4).startsWith("3,2,"), rows.toString());
        List<String> means = Files.readAllLines(tmp.resolve("one/study-means.csv"));
        assertEquals(3, means.size());
        assertTrue(means.get(1).startsWith("2,2,"), means.get(1)); // value 2 over 2 seeds
        assertTrue(Files.exists(tmp.resolve("one/plots/arrhenius.png")));
        // A point's own scenario.conf is the scenario without the study: running it runs that point.
        String point = Files.readString(tmp.resolve("one/dynamics.beta=3/seed=2/scenario.conf"));
        assertFalse(point.contains("vary"), point);
        assertTrue(point.contains("seed = 2") || point.contains("seed=2"), point);
        for (String file : List.of("study.csv", "study-means.csv", "study.json", "dynamics.beta=2/seed=1/summary.json",
                "dynamics.beta=3/seed=2/escapes.csv", "plots/arrhenius.png")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("one").resolve(file)),
                    Files.readAllBytes(tmp.resolve("two").resolve(file)), file);
        }
    }

    @Test
    void badStudyBlocksAndJobsAreOneLine() throws Exception {
        StringWriter err = new StringWriter();
        Path noValues = scenario("study { vary = dynamics.beta }");
        assertEquals(2, cli(err, "run", noValues.toString(), "--no-metrics", "--quiet", "--out",
                tmp.resolve("a").toString()));
        assertTrue(err.toString().contains("study.values") && err.toString().contains("missing"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(tmp.resolve("a")));

        err = new StringWriter();
        Path typo = scenario("study { vary = dynamics.beta, values = [2], sedes = [1] }");
        assertEquals(2, cli(err, "run", typo.toString(), "--no-metrics", "--quiet", "--out", tmp.resolve("b").toString()));
        assertTrue(err.toString().contains("study.sedes") && err.toString().contains("unknown key"), err.toString());

        err = new StringWriter();
        Path badValue = scenario("study { vary = dynamics.beta, values = [2, hot] }");
        assertEquals(2, cli(err, "run", badValue.toString(), "--no-metrics", "--quiet", "--out",
                tmp.resolve("c").toString()));
        assertTrue(err.toString().contains("dynamics.beta"), err.toString());
        assertFalse(Files.exists(tmp.resolve("c")));

        err = new StringWriter();
        Path ok = scenario("study { vary = dynamics.beta, values = [2] }");
        assertEquals(2, cli(err, "run", ok.toString(), "--no-metrics", "--quiet", "--jobs", "0", "--out",
                tmp.resolve("d").toString()));
        assertTrue(err.toString().contains("--jobs 0"), err.toString());

        err = new StringWriter();
        assertEquals(2, cli(err, "sweep", ok.toString(), "--vary", "dynamics.beta=2,3", "--no-metrics", "--quiet",
                "--out", tmp.resolve("e").toString()));
        assertTrue(err.toString().contains("has a study block"), err.toString());
    }

    @Test
    void jobsOnAScenarioThatRunsOnceIsRefusedNotIgnored() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(2, cli(err, "run", "src/test/resources/scenarios/small-escape.conf", "--jobs", "2", "--no-metrics",
                "--quiet", "--out", tmp.resolve("once").toString()));
        assertTrue(err.toString().contains("--jobs 2") && err.toString().contains("runs once"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(tmp.resolve("once")));
    }
}
