package org.ensemble.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.JavaDevice;
import java.util.List;
import java.util.stream.Stream;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.population.GaussianInitial;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.Populations;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.HarmonicPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.ensemble.potential.Potential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ensemble.dynamics.LangevinType;

/**
 * The tiled java backend, the kernel's per-particle method run as a plain loop, and Aparapi's
 * thread pool executing the kernel give bit-identical particles, for every dynamics, potential,
 * interaction and target kind, and however the steps are cut into chunks.
 */
class BackendEquivalenceTest {
    static final long SEED = 20261122L;

    static Stream<Arguments> setups() {
        EscapeTargets right = new EscapeTargets(1).halfSpace("right", 0, 0.3, true);
        EscapeTargets mbBall = new EscapeTargets(2).ball("B", new double[] {0.623, 0.028}, 0.3)
                .halfSpace("low", 1, 1.2, false);
        EscapeTargets ball3 = new EscapeTargets(3).ball("out", new double[] {1, 1, 1}, 1.2);
        Potential dw = new DoubleWellPotential(0.1);
        Potential mb = new MullerBrownPotential(0.05);
        Potential h3 = new HarmonicPotential(new double[] {1, 2, 3}, new double[] {0.5, 0, -0.5});
        return Stream.of(
                Arguments.of("overdamped double well, absorbing", LangevinDynamics.overdamped(4, 1e-2), dw, false, right, true),
                Arguments.of("overdamped double well, interacting", LangevinDynamics.overdamped(2, 1e-2), dw, true, right, false),
                Arguments.of("overdamped Müller–Brown", LangevinDynamics.overdamped(1, 1e-3), mb, false, mbBall, true),
                Arguments.of("underdamped Müller–Brown", LangevinDynamics.underdamped(1, 1e-2, 2.0), mb, false, mbBall, true),
                Arguments.of("underdamped harmonic 3-D, interacting", LangevinDynamics.underdamped(3, 1e-2, 0.5), h3, true, ball3, false),
                Arguments.of("overdamped harmonic 3-D", LangevinDynamics.overdamped(3, 1e-2), h3, false, ball3, true));
    }

    static ParticleSlab slab(LangevinSetup setup, boolean underdamped) {
        int d = setup.dimension();
        ParticleSlab s = new ParticleSlab(4_294_967_000L, 777, d, underdamped);
        double[] mean = new double[d];
        double[] sd = new double[d];
        java.util.Arrays.fill(sd, 0.3);
        if (d == 1) {
            mean[0] = -1;
        } else if (d == 2) {
            mean[0] = -0.558;
            mean[1] = 1.442;
        }
        Populations.initialize(s, new GaussianInitial(mean, sd), SEED, setup.dynamics().beta());
        return s;
    }

    /** The kernel's per-particle method, called in a plain loop (no Aparapi). */
    static void runKernelLoop(LangevinSetup setup, ParticleSlab s, long from, int steps, double[] field) {
        AparapiLangevinStepper filled = new AparapiLangevinStepper(setup, JavaDevice.SEQUENTIAL);
        LangevinKernel k = filled.kernelForTest();
        k.pos = s.positions();
        k.vel = s.hasVelocities() ? s.velocities() : new double[1];
        k.hitStep = s.hitSteps();
        k.hitTarget = s.hitTargets();
        k.active = s.active();
        k.activeCount = s.activeCount();
        k.n = s.size();
        k.firstId = s.firstId();
        k.fromStep = from;
        k.steps = steps;
        System.arraycopy(field, 0, k.fieldMean, 0, field.length);
        for (int j = 0; j < s.activeCount(); j++) {
            k.advanceSlot(j);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void backendsAgreeBitForBit(String name, LangevinDynamics dyn, Potential pot, boolean interacting,
                                EscapeTargets targets, boolean absorbing) {
        LangevinSetup setup = new LangevinSetup(dyn, pot, interacting, interacting ? 0.7 : 0.0, targets, absorbing, SEED);
        boolean ud = dyn.type() == LangevinType.UNDERDAMPED;
        double[] field = {0.25, -0.5, 0.125};
        ParticleSlab tiled = slab(setup, ud);
        ParticleSlab tiledChunks = slab(setup, ud);
        ParticleSlab loop = slab(setup, ud);
        ParticleSlab jtp = slab(setup, ud);
        TiledLangevinStepper t = new TiledLangevinStepper(setup);
        int total = 301;
        t.advance(tiled, 10, total, field);
        // The same steps in uneven chunks, retiring absorbed particles in between as shards do.
        int done = 0;
        for (int chunk : List.of(1, 100, 37, 163)) {
            t.advance(tiledChunks, 10 + done, chunk, field);
            if (absorbing) {
                tiledChunks.retireAbsorbed();
            }
            done += chunk;
        }
        assertEquals(total, done);
        runKernelLoop(setup, loop, 10, total, field);
        try (AparapiLangevinStepper a = new AparapiLangevinStepper(setup, JavaDevice.THREAD_POOL)) {
            a.advance(jtp, 10, total, field);
        }
        long hits = java.util.Arrays.stream(tiled.hitSteps()).filter(h -> h > 0).count();
        assertTrue(hits > 0 && hits < tiled.size(), "the test should see some but not all particles hit: " + hits);
        for (ParticleSlab other : List.of(tiledChunks, loop, jtp)) {
            assertArrayEquals(tiled.positions(), other.positions(), name);
            assertArrayEquals(tiled.hitSteps(), other.hitSteps(), name);
            assertArrayEquals(tiled.hitTargets(), other.hitTargets(), name);
            if (ud) {
                assertArrayEquals(tiled.velocities(), other.velocities(), name);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void singleStepPhasesOfInteractingRunsEqualBulkSteps() {
        // Interacting runs advance one step per phase through an in-place path with a cache of the
        // unused half of each Philox block; with a fixed field it must equal bulk stepping exactly.
        LangevinSetup setup = new LangevinSetup(LangevinDynamics.overdamped(3, 1e-2), new DoubleWellPotential(0),
                true, 0.8, EscapeTargets.none(1), false, SEED);
        double[] field = {0.3, 0, 0};
        ParticleSlab bulk = slab(setup, false);
        ParticleSlab single = slab(setup, false);
        ParticleSlab loop = slab(setup, false);
        new TiledLangevinStepper(setup).advance(bulk, 7, 41, field);
        TiledLangevinStepper t = new TiledLangevinStepper(setup);
        for (int k = 0; k < 41; k++) {
            t.advance(single, 7 + k, 1, field);
        }
        runKernelLoop(setup, loop, 7, 41, field);
        assertArrayEquals(bulk.positions(), single.positions());
        assertArrayEquals(bulk.positions(), loop.positions());
    }
}
