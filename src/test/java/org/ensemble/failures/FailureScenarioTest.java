package org.ensemble.failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.cli.Main;
import org.ensemble.data.LinearPeriodicData;
import org.ensemble.scenario.FailureScenario;
import org.ensemble.scenario.FailureScenarioLoader;
import org.ensemble.scenario.ScenarioException;
import org.ensemble.scenario.TrainingScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failures section and the new data keys: defaults, round trip, shipped files, one-line errors with exit 2. */
class FailureScenarioTest {
    @TempDir
    Path tmp;

    @Test
    void shippedStudiesLoadAndTheirRenderRoundTrips() throws Exception {
        for (String f : new String[] {"parity-fresh-samples", "linear-periodic", "end-to-end-vs-decomposition"}) {
            FailureScenario s = FailureScenarioLoader.load(Path.of("scenarios", f + ".conf"), List.of());
            assertEquals(f, s.name());
            assertEquals(s.render(), FailureScenarioLoader.loadString(s.render(), "r.conf", List.of()).render());
        }
        FailureScenario p = FailureScenarioLoader.load(Path.of("scenarios/parity-fresh-samples.conf"), List.of());
        ParityScaleSpec spec = (ParityScaleSpec) p.problem();
        // The budget is far below 2^d/100 from d = 30 on.
        assertTrue(spec.network().budget() < Math.pow(2, 30) / 100);
    }

    private static void assertError(String hocon, String start) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> FailureScenarioLoader.loadString(hocon, "f.conf", List.of()));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void badKeysNameFileLineAndKey() {
        assertError("seed = 1\nfailures {\n  study = parity\n}\n", "f.conf:3: failures.study: expected one of");
        assertError("seed = 1\nfailures {\n  study = parity-at-scale\n  dimensions = [30, 20]\n}\n",
                "f.conf:4: failures.dimensions: expected increasing values");
        assertError("seed = 1\nfailures {\n  study = parity-at-scale\n  dimensions = [4, 30]\n  sparse-k = 5\n}\n",
                "f.conf:5: failures.sparse-k: expected k below every dimension");
        assertError("seed = 1\nfailures {\n  study = linear-periodic\n  gradient-norms = [1, 9]\n}\n",
                "f.conf:4: failures.gradient-norms: expected norms in (0, 6");
        assertError("seed = 1\nfailures {\n  study = end-to-end-vs-decomposition\n  success-error = 1.5\n}\n",
                "f.conf:4: failures.success-error: expected a number in (0, 1)");
        assertError("seed = 1\nfailures {\n  study = end-to-end-vs-decomposition\n  network { widht = 3 }\n}\n",
                "f.conf:4: failures.network.widht: unknown key");
        ScenarioException e = assertThrows(ScenarioException.class, () -> TrainingScenarioLoader.loadString(
                "seed = 1\nnetwork { width = 4 }\ndata {\n  type = block-parity\n  blocks = 2\n  block-dimension = 3\n"
                        + "  block = 2\n}\ntraining { lr = 0.1, steps = 10 }\n", "t.conf", List.of()));
        assertTrue(e.getMessage().startsWith("t.conf:7: data.block: expected an integer in [-1, 1]"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> TrainingScenarioLoader.loadString(
                "seed = 1\nnetwork { width = 4 }\ndata {\n  type = linear-periodic\n  dimension = 3\n  norm = -1\n}\n"
                        + "training { lr = 0.1, steps = 10 }\n", "t.conf", List.of()));
        assertTrue(e.getMessage().startsWith("t.conf:6: data.norm: expected a non-negative finite number"),
                e.getMessage());
    }

    @Test
    void badInputOnTheCommandLineIsOneLineExitTwoAndWritesNothing() throws Exception {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "seed = 1\nfailures {\n  study = linear-periodic\n  directions = 1\n}\n");
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("out");
        assertEquals(2, Main.execute(new PrintWriter(err, true), "run", conf.toString(), "--no-metrics", "--out",
                out.toString()));
        String msg = err.toString().strip();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.contains(conf + ":4: failures.directions: expected an integer in [3, "), msg);
        assertFalse(Files.exists(out));
        assertFalse(msg.contains("Exception"), msg);
    }

    @Test
    void linearPeriodicTrivialRiskIsHalfTheLabelVariance() {
        // Var(cos Z), Z ~ N(0, r²): E cos Z = e^{−r²/2}, E cos² Z = (1 + e^{−2r²})/2; checked against 200,000
        // samples within 4 SE.
        LinearPeriodicData data = new LinearPeriodicData(7, 1.3, 2, 3);
        double[] x = new double[7];
        int n = 200_000;
        double s = 0;
        double s2 = 0;
        double s4 = 0;
        for (int j = 0; j < n; j++) {
            double y = data.testSample(j, x);
            s += y;
            s2 += y * y;
            s4 += y * y * y * y;
        }
        double mean = s / n;
        double var = s2 / n - mean * mean;
        double se = Math.sqrt((s4 / n - (s2 / n) * (s2 / n)) / n);
        assertEquals(2 * data.trivialRisk(), var, 4 * se);
        assertEquals(Math.exp(-1.3 * 1.3 / 2), mean, 4 * Math.sqrt(var / n));
    }
}
