package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.scenario.ScenarioException;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.scenario.SgdScenarioLoader;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

/**
 * {@code timing = wall}: real threads, delays observed. Not reproducible, so the checks are what
 * holds for every interleaving: every version applied once, reports in version order, the staleness
 * counts adding up to the versions, and SGD on a noisy quadratic settling near the optimum.
 */
class WallClockSgdTest {
    static final String WALL = """
            seed = 3
            model { type = quadratic, curvature = [1, 2], noise-sd = [0.5, 0.5] }
            workers { count = 4, policy = asp, batch = 2, lr = 0.05, timing = wall }
            run { versions = 6000, report-every = 500, init = [3, -3] }
            """;

    @Test
    void everyVersionOnceReportsInOrderAndSgdSettles() {
        SgdScenario s = SgdScenarioLoader.loadString(WALL, "test.conf", List.of());
        assertTrue(s.wallTiming());
        List<SgdReport> reports = new ArrayList<>();
        StepOutcome o = WallClockSgd.run(s.settings(), s::model, reports::add, () -> false);
        assertEquals(StepStatus.COMPLETED, o.status(), o.message());
        assertEquals(6000, o.steps());
        assertEquals(12, reports.size());
        long applied = 0;
        for (int i = 0; i < reports.size(); i++) {
            SgdReport r = reports.get(i);
            assertEquals(500L * (i + 1), r.version());
            for (int k = 2; k < r.staleness().length; k += 3) {
                applied += r.staleness()[k];
                assertTrue(r.staleness()[k - 1] >= 0, "negative staleness");
            }
        }
        assertEquals(6000, applied, "each version is one push");
        // From x0 = (3, −3), |x0|² = 18: at η = 0.05 the stale iteration (staleness ~ M − 1 = 3, far inside
        // the stable range ηλ < 2 sin(π/14) ≈ 0.45) contracts by (1 − ηλ) per version, so after 6000
        // versions only the noise floor E|x|² ≈ ησ²/(2b)·Σ 1/(2 − ηλ_c)… ≈ 1e-2 remains. 0.5 is a bound
        // no interleaving can reach without failing to converge.
        assertTrue(reports.get(reports.size() - 1).windowSquaredError() < 0.5,
                "window E|x − x*|² " + reports.get(reports.size() - 1).windowSquaredError());
    }

    @Test
    void wallTimingIsOnlyForAsynchronousWorkersWithoutCheckpoints() {
        ScenarioException bsp = assertThrows(ScenarioException.class, () -> SgdScenarioLoader.loadString(WALL,
                "test.conf", List.of("workers.policy=bsp")));
        assertTrue(bsp.getMessage().contains("workers.timing"), bsp.getMessage());
        ScenarioException cp = assertThrows(ScenarioException.class, () -> SgdScenarioLoader.loadString(WALL,
                "test.conf", List.of("checkpoint.every=100")));
        assertTrue(cp.getMessage().contains("checkpoint") && cp.getMessage().contains("wall"), cp.getMessage());
        ScenarioException typo = assertThrows(ScenarioException.class, () -> SgdScenarioLoader.loadString(WALL,
                "test.conf", List.of("workers.timing=clock")));
        assertTrue(typo.getMessage().contains("workers.timing"), typo.getMessage());
    }
}
