package org.ensemble.step;

import org.ensemble.langevin.LangevinPopulation;
import org.ensemble.langevin.LangevinSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.dynamics.PairInteraction;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.ObservationSpec;
import org.ensemble.langevin.RunOutcome;
import org.ensemble.langevin.RunPlan;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.EscapeTargets;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.Steppers;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.GaussianInitial;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Pair-kernel fields built by the coordinator every step: the grid field and the exact pair sum
 * drive the same particles (same noise) to nearly the same place, and both are bit-identical
 * across shard counts and granularity.
 */
class PairFieldTest {
    static List<Measure> run(PairInteraction.Method method, int shards, Granularity g) {
        Scenario sc = ScenarioLoader.loadString("seed = 17\nbackend = java\nshards = " + shards + "\ngranularity = "
                + (g == Granularity.MEMBER ? "particle" : "block") + "\nblock-size = 32\n"
                + "population { size = 400, init { gaussian { mean = [0.2], sd = [0.8] } } }\n"
                + "potential { type = double-well }\ndynamics { type = overdamped, beta = 3, dt = 2e-3 }\n"
                + "interaction { type = pair-kernel, strength = 1.0, width = 0.5, method = "
                + method.name().toLowerCase() + ", grid { nodes = 241, range = [-3, 3] } }\n"
                + "run { time = 0.6, report-every = 0.2 }\n", "pair-field-1d");
        PairInteraction pair = sc.pairInteraction().orElseThrow();
        assertEquals(new PairInteraction(1.0, 0.5, method, -3, 3, 241), pair);
        LangevinSetup setup = LangevinSpec.setupOf(sc, EscapeTargets.none(1));
        ObservationSpec obs = new ObservationSpec(1, new double[] {-2.5}, new double[] {2.5}, 50, 1,
                new double[] {0.5}, List.of(), List.of(), List.of(), false, true, pair);
        LangevinSpec spec = LangevinSpec.of(sc, EscapeTargets.none(1), obs, new RunPlan(300, 100, 2e-3, true),
                Steppers.resolve(Backend.JAVA, setup));
        List<Measure> full = new ArrayList<>();
        RunOutcome out = LangevinPopulation.run(spec, m -> {
            if (m.positions() != null && m.step() % 100 == 0) {
                full.add(m);
            }
        });
        assertEquals(RunOutcome.Status.COMPLETED, out.status(), out.message());
        return full;
    }

    @Test
    void gridAndExactPairFieldsAgreeAndNeitherDependsOnShards() {
        List<Measure> grid1 = run(PairInteraction.Method.GRID, 1, Granularity.BLOCK);
        List<Measure> grid7 = run(PairInteraction.Method.GRID, 7, Granularity.BLOCK);
        List<Measure> gridP = run(PairInteraction.Method.GRID, 2, Granularity.MEMBER);
        List<Measure> pairs1 = run(PairInteraction.Method.PAIRS, 1, Granularity.BLOCK);
        List<Measure> pairs2 = run(PairInteraction.Method.PAIRS, 2, Granularity.BLOCK);
        assertEquals(4, grid1.size());
        for (int k = 0; k < grid1.size(); k++) {
            assertArrayEquals(grid1.get(k).positions(), grid7.get(k).positions());
            assertArrayEquals(grid1.get(k).positions(), gridP.get(k).positions());
            assertArrayEquals(pairs1.get(k).positions(), pairs2.get(k).positions());
        }
        double[] a = grid1.get(grid1.size() - 1).positions();
        double[] b = pairs1.get(pairs1.size() - 1).positions();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        // Same noise; the fields differ by O(h²) ≈ 1e-4 over 300 steps of dt = 2e-3.
        assertTrue(max < 1e-3, "max |Δx| between grid and exact fields: " + max);
        assertTrue(max > 0, "the two methods are different computations");
    }

    static List<Measure> run2(PairInteraction.Method method, int shards) {
        Scenario sc = ScenarioLoader.loadString("seed = 23\nbackend = java\nshards = " + shards + "\nblock-size = 32\n"
                + "population { size = 300, init { gaussian { mean = [0.5, 0.5], sd = [0.6, 0.6] } } }\n"
                + "potential { type = harmonic, stiffness = [1, 2], center = [0.3, -0.2] }\n"
                + "dynamics { type = overdamped, beta = 2, dt = 2e-3 }\n"
                + "interaction { type = pair-kernel, strength = 1.0, width = 0.5, method = "
                + method.name().toLowerCase() + ", grid { nodes = 121, range = [-3, 3] } }\n"
                + "run { time = 0.4, report-every = 0.2 }\n", "pair-field-2d");
        PairInteraction pair = sc.pairInteraction().orElseThrow();
        assertEquals(new PairInteraction(1.0, 0.5, method, -3, 3, 121, 2), pair);
        LangevinSetup setup = LangevinSpec.setupOf(sc, EscapeTargets.none(2));
        ObservationSpec obs = new ObservationSpec(2, new double[] {-2.5, -2.5}, new double[] {2.5, 2.5}, 20, 10,
                new double[] {0.5}, List.of(), List.of(), List.of(), false, true, pair);
        LangevinSpec spec = LangevinSpec.of(sc, EscapeTargets.none(2), obs, new RunPlan(200, 100, 2e-3, true),
                Steppers.resolve(Backend.JAVA, setup));
        List<Measure> full = new ArrayList<>();
        RunOutcome out = LangevinPopulation.run(spec, m -> {
            if (m.positions() != null && m.step() % 100 == 0) {
                full.add(m);
            }
        });
        assertEquals(RunOutcome.Status.COMPLETED, out.status(), out.message());
        return full;
    }

    @Test
    void twoDimensionalGridAndPairFieldsAgreeAndDoNotDependOnShards() {
        List<Measure> g1 = run2(PairInteraction.Method.GRID, 1);
        List<Measure> g5 = run2(PairInteraction.Method.GRID, 5);
        List<Measure> p1 = run2(PairInteraction.Method.PAIRS, 1);
        for (int k = 0; k < g1.size(); k++) {
            assertArrayEquals(g1.get(k).positions(), g5.get(k).positions());
        }
        double[] a = g1.get(g1.size() - 1).positions();
        double[] b = p1.get(p1.size() - 1).positions();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        assertTrue(max < 1e-3 && max > 0, "max |Δx| between 2-D grid and exact fields: " + max);
    }
}
