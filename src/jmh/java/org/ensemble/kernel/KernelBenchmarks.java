package org.ensemble.kernel;

import java.util.concurrent.TimeUnit;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.network.DenseOps;
import org.ensemble.network.ScalarDenseOps;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.PointInitial;
import org.ensemble.population.Populations;
import org.ensemble.potential.DevicePotentials;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.random.Ziggurat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The java backend's kernels, each with the scalar and the vector passes (same bits, tested in
 * TilePassesTest): a tile of Philox blocks, a tile of Ziggurat normals, the fused 1-D overdamped
 * step, a whole stepper call, and the neuron sweep's dot and update-then-dot. Scores are
 * nanoseconds per item (block, draw, particle-step, neuron).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class KernelBenchmarks {
    static final int TILE = TiledLangevinStepper.DEFAULT_TILE;
    static final int SLAB = 1 << 16;
    static final int SLAB_STEPS = 10;
    static final int D = 40;

    @Param({"scalar", "vector"})
    public String passes;

    TilePasses p;
    TileState t;
    long[] w01 = new long[TILE];
    long[] w23 = new long[TILE];
    double[] out = new double[TILE];
    long counter;
    ParticleSlab slab;
    TiledLangevinStepper stepper;
    long step;
    DenseOps ops;
    double[] w = new double[D];
    double[] x = new double[D];

    @Setup(Level.Trial)
    public void setUp() throws ReflectiveOperationException {
        p = passes.equals("scalar") ? new ScalarTilePasses()
                : (TilePasses) Class.forName("org.ensemble.kernel.VectorTilePasses").getDeclaredConstructor()
                        .newInstance();
        ops = passes.equals("scalar") ? new ScalarDenseOps() : DenseOps.best();
        t = new TileState(TILE, 1, 7, 0, Ziggurat.tableX(), Ziggurat.tableK(), Ziggurat.tableF(),
                DevicePotentials.DOUBLE_WELL, new double[6], false, 0, null, 1e-3, Math.sqrt(2e-3 / 4),
                new int[] {TargetRegions.HALF_SPACE_ABOVE}, new double[] {0, 1.0, 0, 0}, false,
                new double[] {1.0, Double.NEGATIVE_INFINITY});
        for (int j = 0; j < TILE; j++) {
            t.key0[j] = j;
            t.x[j] = -1;
        }
        p.philox(TILE, 0, 0x40000000L, 0, 7, t.key0, t.idHi, w01, w23);
        LangevinSetup setup = new LangevinSetup(LangevinDynamics.overdamped(4, 1e-3), new DoubleWellPotential(0),
                false, 0, new EscapeTargets(1).halfSpace("right", 0, 1.0, false), false, 1);
        slab = new ParticleSlab(0, SLAB, 1, false);
        Populations.initialize(slab, new PointInitial(new double[] {-1}), 1, 4);
        stepper = new TiledLangevinStepper(setup, TILE, p);
        for (int c = 0; c < D; c++) {
            w[c] = 0.01 * c;
            x[c] = 1.0 / (c + 1);
        }
    }

    /** ns per Philox4x32-10 block (two Gaussian draws' worth). */
    @Benchmark
    @OperationsPerInvocation(TILE)
    public long[] philoxTile() {
        p.philox(TILE, counter++ & 0xFFFFFFFFL, 0x40000000L, 0, 7, t.key0, t.idHi, w01, w23);
        return w01;
    }

    /** ns per Ziggurat normal (fast path with gathers; rejected lanes by the scalar slow path). */
    @Benchmark
    @OperationsPerInvocation(TILE)
    public double[] zigguratTile() {
        p.normals(t, TILE, w01, 0, 0x80000000L, out, 0);
        return out;
    }

    /** ns per particle-step of the fused normal + double-well force + Euler–Maruyama + first-passage pre-test. */
    @Benchmark
    @OperationsPerInvocation(TILE)
    public double[] fusedStep() {
        p.overdamped1D(t, TILE, w01, 0, 0x80000000L, null, ++counter);
        return t.x;
    }

    /** ns per particle-step of a whole stepper call (Philox + fused step, tiles loaded and stored). */
    @Benchmark
    @OperationsPerInvocation(SLAB * SLAB_STEPS)
    public ParticleSlab stepperAdvance() {
        stepper.advance(slab, step, SLAB_STEPS, null);
        step += SLAB_STEPS;
        return slab;
    }

    /** ns per neuron of the sweep's inner loops at d = 40: dot, then the fused update-then-dot. */
    @Benchmark
    public double neuronSweep() {
        double s = ops.dot(w, 0, x, 0, D);
        return ops.updateThenDot(w, 0, 1e-9 * s, x, 0, x, 0, D);
    }
}
