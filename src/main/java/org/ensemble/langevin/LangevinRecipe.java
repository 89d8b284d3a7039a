package org.ensemble.langevin;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.ensemble.dynamics.LangevinType;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.BackendUnavailableException;
import org.ensemble.kernel.EscapeTargets;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.Steppers;
import org.ensemble.kernel.TiledLangevinStepper;
import org.ensemble.population.BlockLayout;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.Populations;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its particles, as plain data: the resolved scenario text, the backend's key,
 * the targets as regions (basins already resolved to balls) and the observation spec. The shard
 * parses the scenario in its own set-up (once per copy of the recipe) and initialises its slab from
 * (seed, particle id), so any split, on any JVM, gives the same particles.
 */
public record LangevinRecipe(String scenario, String backend, int dimension, List<EscapeTargets.Region> targets,
                             ObservationSpec observation, BlockLayout layout) implements ModelRecipe, WireMessage {
    /**
     * What each recipe object parses its scenario into, once (per copy: a recipe deserialised on
     * another JVM derives its own); weak keys, so a finished run's entry goes with its recipe.
     */
    private static final Map<LangevinRecipe, Parts> PARTS = Collections.synchronizedMap(new WeakHashMap<>());

    private record Parts(LangevinSetup setup, Scenario scenario, Steppers.Resolved backend) {
    }

    public LangevinRecipe {
        targets = List.copyOf(targets);
    }

    /** The recipe of a spec; refuses what a shard could not run. */
    public static LangevinRecipe of(LangevinSpec spec) {
        if (spec.granularity() == Granularity.MEMBER && spec.backend().backend() != Backend.JAVA) {
            throw new BackendUnavailableException("granularity particle runs on backend java only (asked for "
                    + spec.backend().backend().key() + ")");
        }
        if (spec.granularity() == Granularity.MEMBER && spec.layout().particles() > 1_000_000) {
            throw new IllegalArgumentException("granularity particle is meant for small populations (≤ 1e6), got "
                    + spec.layout().particles());
        }
        return new LangevinRecipe(spec.scenario(), spec.backend().backend().key(), spec.setup().dimension(),
                spec.setup().targets().regions(), spec.observation(), spec.layout());
    }

    private Parts parts() {
        return PARTS.computeIfAbsent(this, r -> {
            Scenario s = ScenarioLoader.loadString(scenario, "the run's resolved scenario");
            LangevinSetup setup = LangevinSpec.setupOf(s, EscapeTargets.of(dimension, targets));
            return new Parts(setup, s, Steppers.resolve(Backend.parse(backend), setup));
        });
    }

    @Override
    public ShardModel build(ShardRange range) {
        Parts p = parts();
        LangevinSetup setup = p.setup();
        boolean underdamped = setup.dynamics().type() == LangevinType.UNDERDAMPED;
        ParticleSlab slab = new ParticleSlab(range.firstId(), range.size(), setup.dimension(), underdamped);
        Populations.initialize(slab, p.scenario().init(), setup.seed(), setup.dynamics().beta());
        if (range.granularity() == Granularity.MEMBER) {
            return new OneParticleModel(slab, new TiledLangevinStepper(setup, 1), setup.absorbing());
        }
        return new ParticleBlockModel(new ShardWorker(slab, p.backend().create(setup), layout, range.firstBlock(),
                range.blockCount(), observation));
    }
}
