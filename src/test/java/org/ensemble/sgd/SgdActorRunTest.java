package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.scenario.SgdScenarioLoader;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

/** The actor run: the same bits as the plain loop for any shard count and for one actor per worker. */
class SgdActorRunTest {
    static final String ASYNC = """
            seed = 7
            model { type = quadratic, curvature = [1, 2.5, 0.5], noise-sd = [1, 0.3, 2] }
            workers {
              count = 5, policy = asp, batch = 2, lr = 0.05, momentum = 0.3
              algorithm = dc-asgd, dc-lambda = 0.5
              delay { model = geometric, mean = 3, stragglers = 1, slowdown = 4 }
            }
            run { versions = 3000, report-every = 250, init = [1, -1, 2] }
            """;
    static final String SSP_REGRESSION = """
            seed = 3
            model { type = linear-regression, data { type = teacher, dimension = 4, width = 2 }, test-samples = 50 }
            workers { count = 4, policy = ssp, staleness-bound = 1, batch = 3, lr = 0.1, delay { model = log-normal } }
            run { versions = 800, report-every = 100 }
            """;

    static final String EASGD = """
            seed = 5
            model { type = quadratic, curvature = [1, 2], noise-sd = [0.5, 1] }
            workers { count = 5, policy = bsp, algorithm = easgd, elasticity = 0.1, local-steps = 3, batch = 2, lr = 0.1 }
            run { versions = 600, report-every = 50, init = [2, -2] }
            """;

    @Test
    void actorRunsMatchThePlainLoopForEveryShardPlanAndGranularity() {
        for (String text : List.of(ASYNC, SSP_REGRESSION, EASGD)) {
            SgdScenario base = SgdScenarioLoader.loadString(text, "test.conf", List.of());
            List<SgdReport> plain = new ArrayList<>();
            SgdSimulation.run(base.settings(), base.model(), plain::add);
            String expected = render(plain);
            assertEquals(base.settings().versions() / base.settings().reportEvery(), plain.size());
            for (String plan : List.of("shards=1", "shards=3", "granularity=worker")) {
                SgdScenario s = SgdScenarioLoader.loadString(text, "test.conf", List.of(plan));
                List<SgdReport> got = new ArrayList<>();
                StepOutcome o = SgdPopulation.run(s, got::add);
                assertEquals(StepStatus.COMPLETED, o.status(), o.message());
                assertEquals(base.settings().versions(), o.steps());
                assertEquals(expected, render(got), plan);
            }
        }
    }

    @Test
    void aDivergingRunStopsWithAClearMessageAndKeepsItsReports() {
        SgdScenario s = SgdScenarioLoader.loadString("""
                seed = 1
                model { type = quadratic, curvature = [1] }
                workers { count = 3, policy = asp, lr = 1.2 }
                run { versions = 100000, report-every = 10 }
                """, "diverge.conf", List.of());
        List<SgdReport> got = new ArrayList<>();
        StepOutcome o = SgdPopulation.run(s, got::add);
        assertEquals(StepStatus.DIVERGED, o.status());
        assertTrue(o.message().contains("server version"), o.message());
        assertTrue(got.size() > 3 && got.get(got.size() - 1).version() == o.steps(), "the last report is the divergence");
        assertTrue(o.steps() < 100000);
    }

    static String render(List<SgdReport> reports) {
        StringBuilder b = new StringBuilder();
        for (SgdReport r : reports) {
            b.append(r.version()).append(' ').append(r.time()).append(' ').append(r.loss()).append(' ')
                    .append(r.windowSquaredError()).append(' ').append(r.windowVersions()).append(' ')
                    .append(Arrays.toString(r.x())).append(' ').append(Arrays.toString(r.staleness())).append(' ')
                    .append(Arrays.toString(r.momentumFit())).append('\n');
        }
        return b.toString();
    }
}
