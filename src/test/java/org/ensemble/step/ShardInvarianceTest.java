package org.ensemble.step;

import org.ensemble.langevin.LangevinPopulation;
import org.ensemble.langevin.LangevinSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.langevin.EscapeEvent;
import org.ensemble.langevin.Measure;
import org.ensemble.langevin.ObservationSpec;
import org.ensemble.langevin.RunOutcome;
import org.ensemble.langevin.RunPlan;
import org.ensemble.langevin.StatisticsLevel;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.EscapeTargets;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.Steppers;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.GaussianInitial;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The determinism contract through the actors: every measure (moments, histograms, quantiles,
 * occupancy) and every escape event is bit-identical for 1, 2 and 7 shards and for one actor per
 * particle, for independent and for interacting (mean-attraction, per-step reduce/broadcast)
 * dynamics.
 */
class ShardInvarianceTest {

    record Recorded(List<Measure> measures, List<EscapeEvent> events, RunOutcome outcome) {
    }

    static Recorded run(boolean interacting, int shards, Granularity granularity) {
        return run(interacting, shards, granularity, m -> {
        });
    }

    /** As above; {@code also} sees every measure too (and may ask for more). */
    static Recorded run(boolean interacting, int shards, Granularity granularity, Observer<Measure> also) {
        LangevinSpec spec = spec(interacting, shards, granularity);
        List<Measure> measures = new ArrayList<>();
        List<EscapeEvent> events = new ArrayList<>();
        Observer<Measure> record = m -> {
            measures.add(m);
            events.addAll(m.events());
        };
        RunOutcome outcome = LangevinPopulation.run(spec, Observers.of(record, also));
        return new Recorded(measures, events, outcome);
    }

    /** 1000 particles in the double well, absorbed at x ≥ 0.8 (independent) or pulled to their mean (interacting). */
    static LangevinSpec spec(boolean interacting, int shards, Granularity granularity) {
        Scenario sc = ScenarioLoader.loadString("seed = 99\nbackend = java\nshards = " + shards + "\ngranularity = "
                + (granularity == Granularity.MEMBER ? "particle" : "block") + "\nblock-size = 64\n"
                + "population { size = 1000, init { gaussian { mean = [-1.0], sd = [0.2] } } }\n"
                + "potential { type = double-well }\ndynamics { type = overdamped, beta = 3, dt = 1e-2 }\n"
                + (interacting ? "interaction { type = mean-attraction, theta = 0.5 }\n" : "")
                + "escape { absorbing = " + !interacting + ", targets = [ { name = right, half-space { axis = 0,"
                + " threshold = 0.8 } } ] }\nrun { time = 4, report-every = 0.5 }\n", "shard-invariance");
        EscapeTargets targets = new EscapeTargets(1).halfSpace("right", 0, 0.8, true);
        LangevinSetup setup = LangevinSpec.setupOf(sc, targets);
        ObservationSpec obs = new ObservationSpec(1, new double[] {-2}, new double[] {2}, 40, 1,
                new double[] {0.1, 0.5, 0.9}, List.of(new double[] {-1}, new double[] {1}), List.of("left", "right"),
                List.of("right"), setup.absorbing(), false);
        return LangevinSpec.of(sc, targets, obs, new RunPlan(interacting ? 60 : 400, interacting ? 20 : 50,
                1e-2, interacting), Steppers.resolve(Backend.JAVA, setup));
    }

    @ParameterizedTest(name = "interacting={0}")
    @ValueSource(booleans = {false, true})
    void measuresAndEventsDoNotDependOnShardsOrGranularity(boolean interacting) {
        Recorded one = run(interacting, 1, Granularity.BLOCK);
        assertEquals(RunOutcome.Status.COMPLETED, one.outcome().status(), one.outcome().message());
        if (!interacting) {
            assertTrue(one.events().size() > 20, "the run should see escapes, saw " + one.events().size());
        }
        for (Recorded other : List.of(run(interacting, 2, Granularity.BLOCK), run(interacting, 7, Granularity.BLOCK),
                run(interacting, 3, Granularity.MEMBER))) {
            assertEquals(one.outcome().status(), other.outcome().status());
            assertEquals(one.outcome().steps(), other.outcome().steps());
            assertEquals(one.measures().size(), other.measures().size());
            for (int k = 0; k < one.measures().size(); k++) {
                Measure a = one.measures().get(k);
                Measure b = other.measures().get(k);
                assertEquals(a.step(), b.step());
                assertEquals(a.measured(), b.measured());
                assertArrayEquals(a.mean(), b.mean(), "mean at step " + a.step());
                assertArrayEquals(a.covariance(), b.covariance(), "covariance at step " + a.step());
                if (a.level() == StatisticsLevel.FULL) {
                    assertArrayEquals(a.histogram()[0], b.histogram()[0]);
                    assertArrayEquals(a.quantiles()[0], b.quantiles()[0]);
                    assertArrayEquals(a.occupancy(), b.occupancy());
                }
            }
            assertEquals(one.events(), other.events());
        }
    }
}
