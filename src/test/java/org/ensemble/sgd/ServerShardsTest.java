package org.ensemble.sgd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ensemble.scenario.SgdScenario;
import org.ensemble.scenario.SgdScenarioLoader;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parameter server split into key ranges gives the bits of the unsplit one: every report, the final
 * parameters and the checkpointed state, for any number of server shards (1, 2, 3, d), worker shards
 * and worker granularity; a state taken with one split resumes under another; a run that diverges
 * inside a round stops at the same version with the same state.
 */
class ServerShardsTest {
    /** The two-layer network (6 neurons on R^5: 36 parameters), BSP with server momentum. */
    static final String NETWORK_BSP = """
            seed = 4
            model { type = two-layer-network, width = 6, activation = tanh, test-samples = 40
                    data { type = isotropic-gaussians, dimension = 5, delta = 0.5 } }
            workers { count = 4, policy = bsp, batch = 3, lr = 0.05, momentum = 0.5 }
            run { versions = 120, report-every = 20 }
            """;
    /** The network under ASP with geometric delays and DC-ASGD: rounds of several updates, stale pulls. */
    static final String NETWORK_ASP = """
            seed = 9
            model { type = two-layer-network, width = 5, activation = tanh, test-samples = 40
                    data { type = isotropic-gaussians, dimension = 4, delta = 0.5 } }
            workers { count = 6, policy = asp, batch = 2, lr = 0.05, algorithm = dc-asgd, dc-lambda = 0.3
                      delay { model = geometric, mean = 3, stragglers = 1, slowdown = 3 } }
            run { versions = 300, report-every = 50 }
            """;
    static final String LOCAL = """
            seed = 6
            model { type = linear-regression, data { type = teacher, dimension = 5, width = 2 }, test-samples = 50 }
            workers { count = 3, policy = bsp, algorithm = local-sgd, local-steps = 3, batch = 2, lr = 0.05 }
            run { versions = 60, report-every = 10 }
            """;

    @Test
    void everySplitOfTheServerGivesTheBitsOfOneServer() {
        for (String text : List.of(NETWORK_BSP, NETWORK_ASP, LOCAL, SgdActorRunTest.ASYNC, SgdActorRunTest.EASGD,
                SgdActorRunTest.SSP_REGRESSION)) {
            SgdScenario base = SgdScenarioLoader.loadString(text, "test.conf", List.of());
            int d = base.dimension();
            Run one = plain(base.settings(), base);
            assertTrue(one.reports.lines().count() >= 5, "reports");
            for (int k : java.util.stream.IntStream.of(2, 3, d).filter(k -> k <= d).distinct().toArray()) {
                Run split = plain(base.settings().withServerShards(k), base);
                assertEquals(one.reports, split.reports, k + " server shards, d = " + d);
                assertEquals(Arrays.toString(one.parameters), Arrays.toString(split.parameters));
                assertEquals(one.state, split.state, k + " server shards: checkpointed state");
            }
        }
    }

    @Test
    void actorRunsWithSplitServersMatchThePlainLoopForEveryWorkerPlan() {
        for (String text : List.of(NETWORK_BSP, NETWORK_ASP)) {
            SgdScenario base = SgdScenarioLoader.loadString(text, "test.conf", List.of());
            String expected = plain(base.settings(), base).reports;
            for (String plan : List.of("workers.server-shards=3,shards=1", "workers.server-shards=2,shards=3",
                    "workers.server-shards=" + base.dimension() + ",granularity=worker")) {
                SgdScenario s = SgdScenarioLoader.loadString(text, "test.conf", List.of(plan.split(",")));
                List<SgdReport> got = new ArrayList<>();
                StepOutcome o = SgdPopulation.run(s, got::add);
                assertEquals(StepStatus.COMPLETED, o.status(), o.message());
                assertEquals(expected, SgdActorRunTest.render(got), plan);
            }
        }
    }

    @Test
    void aStateTakenWithOneSplitResumesUnderAnother() {
        SgdScenario base = SgdScenarioLoader.loadString(NETWORK_ASP, "test.conf", List.of());
        Run whole = plain(base.settings(), base);
        SgdServer first = new SgdServer(base.settings().withServerShards(3), base.model());
        WorkerGradients workers = WorkerGradients.of(base.model(), base.settings());
        List<SgdReport> reports = new ArrayList<>();
        while (first.version() < 130) {
            rounds(first, workers, reports, 1);
        }
        SgdServer second = new SgdServer(base.settings().withServerShards(2), base.model());
        second.restore(first.state());
        assertEquals(render(first.state()), render(second.state()), "restored state");
        rounds(second, workers, reports, Integer.MAX_VALUE);
        assertEquals(whole.reports, SgdActorRunTest.render(reports));
        assertEquals(Arrays.toString(whole.parameters), Arrays.toString(second.parameters()));
    }

    @Test
    void aRunDivergingInsideARoundStopsAtTheSameVersionWithTheSameState() {
        // ASP with fixed times: rounds of M = 4 updates; steps far beyond the delayed boundary, with momentum.
        // The first step of the list whose run diverges at a version inside a round is the case checked.
        SgdScenario base = null;
        Run one = null;
        for (double lr : new double[]{0.9, 0.95, 1.0, 1.05, 1.1, 1.2, 1.3, 1.4, 1.5}) {
            SgdScenario s = SgdScenarioLoader.loadString("""
                    seed = 1
                    model { type = quadratic, curvature = [1, 2, 3], noise-sd = [0.1] }
                    workers { count = 4, policy = asp, lr = %s, momentum = 0.5 }
                    run { versions = 100000, report-every = 7, init = [1, 1, 1] }
                    """.formatted(lr), "diverge.conf", List.of());
            Run r = plain(s.settings(), s);
            assertTrue(r.diverged, "lr " + lr);
            if (r.version % 4 != 0) {
                base = s;
                one = r;
                break;
            }
        }
        assertTrue(one != null, "no step diverged inside a round");
        // The state is that of the diverged version: nothing kept beyond it, and the momentum is the one that
        // made its last step (x_v − x_{v−1} = v_v up to the rounding of the addition).
        long[] kept = StateArray.named(one.arrays, "kept_versions").longs();
        assertEquals(one.version, kept[kept.length - 1]);
        double[] velocity = StateArray.named(one.arrays, "server_velocity").doubles();
        double[] lastStep = StateArray.named(one.arrays, "server_last_step").doubles();
        for (int c = 0; c < velocity.length; c++) {
            assertEquals(lastStep[c], velocity[c], 1e-9 * Math.abs(lastStep[c]), "coordinate " + c);
        }
        for (int k : new int[]{2, 3}) {
            Run split = plain(base.settings().withServerShards(k), base);
            assertTrue(split.diverged);
            assertEquals(one.version, split.version);
            assertEquals(one.reports, split.reports);
            assertEquals(one.state, split.state, "the shards forget the versions after the divergence");
        }
    }

    @TempDir
    Path tmp;

    @Test
    void serverShardsOutsideOneToTheParameterCountIsOneLineWithExit2() throws Exception {
        for (String[] bad : new String[][]{{"0", "expected an integer in [1, "},
                {"3", "expected at most the model's 2 parameters"}}) {
            Path file = tmp.resolve("bad-" + bad[0] + ".conf");
            Files.writeString(file, """
                    seed = 2
                    model { type = quadratic, curvature = [1.0, 2.0] }
                    workers {
                      count = 3, policy = asp, lr = 0.1
                      server-shards = %s
                    }
                    run { versions = 100 }
                    """.formatted(bad[0]));
            Path out = tmp.resolve("never");
            SgdCliTest.Result r = SgdCliTest.run("run", file.toString(), "--out", out.toString(), "--quiet");
            assertEquals(2, r.code(), r.err());
            String err = r.err().strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("error: " + file + ":5: workers.server-shards: " + bad[1]), err);
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    private record Run(String reports, double[] parameters, String state, boolean diverged, long version,
                       List<StateArray> arrays) {
    }

    private static Run plain(SgdSettings settings, SgdScenario scenario) {
        List<SgdReport> reports = new ArrayList<>();
        SgdServer server = SgdSimulation.run(settings, scenario.model(), reports::add);
        return new Run(SgdActorRunTest.render(reports), server.parameters(), render(server.state()),
                server.diverged(), server.version(), server.state());
    }

    /** Up to {@code n} rounds of the plain loop on {@code server}. */
    private static void rounds(SgdServer server, WorkerGradients workers, List<SgdReport> reports, int n) {
        for (int i = 0; i < n && !server.done(); i++) {
            reports.addAll(SgdSimulation.round(server, workers));
        }
    }

    private static String render(List<StateArray> state) {
        StringBuilder b = new StringBuilder();
        for (StateArray a : state) {
            b.append(a.name()).append(' ').append(a.columns()).append(' ')
                    .append(a.doubles() != null ? Arrays.toString(a.doubles()) : Arrays.toString(a.longs()))
                    .append('\n');
        }
        return b.toString();
    }
}
