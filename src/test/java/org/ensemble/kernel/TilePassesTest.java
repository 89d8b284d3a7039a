package org.ensemble.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.population.GaussianInitial;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.Populations;
import org.ensemble.potential.DevicePotentials;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.HarmonicPotential;
import org.ensemble.random.Philox4x32;
import org.ensemble.random.Ziggurat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector passes give the scalar passes' bits: Philox words against {@link Philox4x32}
 * itself, Ziggurat normals on ordinary tiles and on tiles where most lanes reject (the wedges
 * and the tail, which the vector hands to the scalar slow path), the fused 1-D step with its
 * first-passage records, and whole stepper runs. Tile lengths that are not a multiple of the
 * eight lanes exercise the scalar tails.
 */
class TilePassesTest {
    static final int M = 517;
    static TilePasses vector;
    static final TilePasses SCALAR = new ScalarTilePasses();

    @BeforeAll
    static void vectorPasses() {
        assumeTrue(VectorTilePasses.nativeHere(), "no 512-bit vectors on this CPU: the vector passes are not used");
        vector = new VectorTilePasses();
    }

    static TileState state(int potential, double[] params, boolean interacting, boolean absorbing, long seed) {
        double[] bounds = {0.2, Double.NEGATIVE_INFINITY};
        TileState t = new TileState(M, 1, seed & Philox4x32.MASK32, seed >>> 32, Ziggurat.tableX(),
                Ziggurat.tableK(), Ziggurat.tableF(), potential, params, interacting, 0.7, null, 1e-2,
                Math.sqrt(2 * 1e-2 / 2.0), new int[] {TargetRegions.HALF_SPACE_ABOVE}, new double[] {0, 0.2, 0, 0},
                absorbing, bounds);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int j = 0; j < M; j++) {
            t.key0[j] = rnd.nextInt();
            t.idHi[j] = rnd.nextInt(4);
            t.x[j] = -1 + 0.5 * rnd.nextDouble();
        }
        return t;
    }

    @Test
    void philoxWordsAreTheScalarBlocks() {
        SplittableRandom rnd = new SplittableRandom(1);
        TileState t = state(DevicePotentials.DOUBLE_WELL, new double[6], false, false, 99);
        for (int rep = 0; rep < 20; rep++) {
            long c0 = rnd.nextLong() & Philox4x32.MASK32;
            long c1 = rnd.nextLong() & Philox4x32.MASK32;
            long c3 = rnd.nextLong() & Philox4x32.MASK32;
            long k1 = rnd.nextLong() & Philox4x32.MASK32;
            long[] v01 = new long[M];
            long[] v23 = new long[M];
            long[] s01 = new long[M];
            long[] s23 = new long[M];
            vector.philox(M, c0, c1, c3, k1, t.key0, t.idHi, v01, v23);
            SCALAR.philox(M, c0, c1, c3, k1, t.key0, t.idHi, s01, s23);
            assertArrayEquals(s01, v01);
            assertArrayEquals(s23, v23);
            for (int j = 0; j < M; j += 37) {
                long k0 = t.key0[j] & Philox4x32.MASK32;
                long c2 = t.idHi[j] & Philox4x32.MASK32;
                assertEquals(Philox4x32.word01(k0, k1, c0, c1, c2, c3), v01[j]);
                assertEquals(Philox4x32.word23(k0, k1, c0, c1, c2, c3), v23[j]);
            }
        }
    }

    /** Random words, then words that reject in most lanes: u near 1 (wedges) and layer 0 (tail). */
    static long[][] wordTiles() {
        SplittableRandom rnd = new SplittableRandom(7);
        long[][] tiles = new long[60][M];
        for (int k = 0; k < tiles.length; k++) {
            for (int j = 0; j < M; j++) {
                long r = rnd.nextLong();
                if (k % 3 == 1 && rnd.nextInt(4) != 0) {
                    r |= 0xFFFF_F000_0000_0000L;
                } else if (k % 3 == 2 && rnd.nextInt(4) != 0) {
                    r = (r | 0xFFFF_F000_0000_0000L) & ~0xFFL;
                }
                tiles[k][j] = r;
            }
        }
        return tiles;
    }

    static int rejections(long[] words) {
        double[] x = Ziggurat.tableX();
        double[] k = Ziggurat.tableK();
        int n = 0;
        for (long r : words) {
            double u = (double) (r >>> 11) * Ziggurat.TWO_POW_M53;
            n += u < k[(int) (r & 0xFF)] ? 0 : 1;
        }
        return n;
    }

    @Test
    void normalsAreTheScalarNormalsAlsoWhenMostLanesReject() {
        TileState t = state(DevicePotentials.DOUBLE_WELL, new double[6], false, false, 5);
        long[][] tiles = wordTiles();
        int heavy = 0;
        for (int k = 0; k < tiles.length; k++) {
            double[] v = new double[M + 3];
            double[] s = new double[M + 3];
            vector.normals(t, M, tiles[k], k, 0x80000000L, v, 3);
            SCALAR.normals(t, M, tiles[k], k, 0x80000000L, s, 3);
            for (int j = 0; j < M + 3; j++) {
                assertEquals(Double.doubleToRawLongBits(s[j]), Double.doubleToRawLongBits(v[j]), "tile " + k + " entry " + j);
            }
            heavy += rejections(tiles[k]) > M / 2 ? 1 : 0;
        }
        // The crafted tiles really are rejection-heavy (2 of every 3), so the slow path was compared.
        assertTrue(heavy >= 35, "rejection-heavy tiles: " + heavy);
    }

    @Test
    void fusedOverdampedStepIsTheScalarStep() {
        long[][] tiles = wordTiles();
        double[][] params = {{0.1, 0, 0, 0, 0, 0}, {1.5, 0, 0, -0.2, 0, 0}};
        int[] types = {DevicePotentials.DOUBLE_WELL, DevicePotentials.HARMONIC};
        int hits = 0;
        for (int p = 0; p < 2; p++) {
            for (int flags = 0; flags < 4; flags++) {
                boolean interacting = (flags & 1) != 0;
                boolean absorbing = (flags & 2) != 0;
                TileState tv = state(types[p], params[p], interacting, absorbing, 11 + flags);
                TileState ts = state(types[p], params[p], interacting, absorbing, 11 + flags);
                double[] field = {-0.4};
                for (int k = 0; k < tiles.length; k++) {
                    vector.overdamped1D(tv, M, tiles[k], k, 0x80000000L, field, k + 1);
                    SCALAR.overdamped1D(ts, M, tiles[k], k, 0x80000000L, field, k + 1);
                }
                for (int j = 0; j < M; j++) {
                    assertEquals(Double.doubleToRawLongBits(ts.x[j]), Double.doubleToRawLongBits(tv.x[j]));
                    hits += ts.hit[j] != 0 ? 1 : 0;
                }
                assertArrayEquals(ts.hit, tv.hit);
                assertArrayEquals(ts.hitT, tv.hitT);
                assertArrayEquals(ts.stopped, tv.stopped);
            }
        }
        // Targets were reached (and, when absorbing, particles stopped), so those branches were compared.
        assertTrue(hits > 100, "first passages: " + hits);
    }

    @Test
    void stepperRunsAreIdenticalWithEitherPasses() {
        EscapeTargets right = new EscapeTargets(1).halfSpace("right", 0, 0.3, true);
        LangevinSetup[] setups = {
            new LangevinSetup(LangevinDynamics.overdamped(4, 1e-2), new DoubleWellPotential(0.1), false, 0, right,
                    true, 42),
            new LangevinSetup(LangevinDynamics.overdamped(2, 1e-2), new DoubleWellPotential(0.0), true, 0.5, right,
                    false, 43),
            new LangevinSetup(LangevinDynamics.overdamped(2, 1e-2),
                    new HarmonicPotential(new double[] {1, 2}, new double[] {0.5, 0}), false, 0,
                    EscapeTargets.none(2), false, 44),
            // One step per call: the interacting in-place path.
            new LangevinSetup(LangevinDynamics.overdamped(2, 1e-2), new DoubleWellPotential(0.0), true, 0.5,
                    EscapeTargets.none(1), false, 45)};
        for (LangevinSetup setup : setups) {
            ParticleSlab a = slab(setup);
            ParticleSlab b = slab(setup);
            TiledLangevinStepper sv = new TiledLangevinStepper(setup, 203, vector);
            TiledLangevinStepper ss = new TiledLangevinStepper(setup, 203, SCALAR);
            double[] field = new double[setup.dimension()];
            field[0] = -0.3;
            // Chunks of odd length, so the cached second halves of Philox blocks are used too.
            int chunk = setup.seed() == 45 ? 1 : 3;
            for (long s = 0; s < 300; s += chunk) {
                sv.advance(a, s, chunk, field);
                ss.advance(b, s, chunk, field);
            }
            assertArrayEquals(b.positions(), a.positions());
            assertArrayEquals(b.hitSteps(), a.hitSteps());
            assertArrayEquals(b.hitTargets(), a.hitTargets());
        }
    }

    @Test
    void steppersOnConcurrentThreadsGiveTheSequentialBits() throws Exception {
        // The passes hold scratch arrays: each stepper must have its own, or shards running at once
        // would overwrite each other's gathered layers.
        LangevinSetup setup = new LangevinSetup(LangevinDynamics.overdamped(4, 1e-2), new DoubleWellPotential(0.1),
                false, 0, new EscapeTargets(1).halfSpace("right", 0, 0.3, false), false, 46);
        ParticleSlab[] alone = {slab(setup), slab(setup)};
        for (ParticleSlab s : alone) {
            new TiledLangevinStepper(setup).advance(s, 0, 400, null);
        }
        ParticleSlab[] together = {slab(setup), slab(setup)};
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            ParticleSlab s = together[i];
            TiledLangevinStepper st = new TiledLangevinStepper(setup);
            threads[i] = new Thread(() -> st.advance(s, 0, 400, null));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(alone[i].positions(), together[i].positions());
            assertArrayEquals(alone[i].hitSteps(), together[i].hitSteps());
        }
    }

    static ParticleSlab slab(LangevinSetup setup) {
        int d = setup.dimension();
        ParticleSlab s = new ParticleSlab(4_294_966_000L, 2_000, d, false);
        double[] mean = new double[d];
        mean[0] = -1;
        double[] sd = new double[d];
        java.util.Arrays.fill(sd, 0.3);
        Populations.initialize(s, new GaussianInitial(mean, sd), 3, setup.dynamics().beta());
        return s;
    }
}
