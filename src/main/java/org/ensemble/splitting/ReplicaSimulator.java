package org.ensemble.splitting;

import org.ensemble.dynamics.OverdampedLangevin;
import org.ensemble.potential.Potential;
import org.ensemble.random.Streams;

/**
 * Runs one replica until ξ ≤ a (A) or ξ ≥ b (B) — or, with {@link Balls}, until it enters either ball — with the Langevin kernel's overdamped
 * Euler–Maruyama update X ← X − ∇V(X) dt + sqrt(2 dt/β) g and its noise: draw q = step·d + c of
 * Philox keyed by (seed, lineage), so a trajectory depends only on (seed, lineage, start) and not on
 * the shard that runs it. B is checked at grid times. A is checked at grid times and, when
 * {@code bridge} is on, also between them: a step that stays above a still ends in A with the
 * Brownian-bridge probability exp(−2(ξ_n − a)(ξ_{n+1} − a)/(σ² dt)), σ² = 2/β, of having crossed
 * a in between (uniform from an auxiliary stream keyed by (seed, lineage, step)). That removes the
 * O(sqrt dt) bias of grid-time monitoring next to A, which the start is close to (see the README).
 * For a ball A the same formula is used with the distances to A's sphere (locally a half-space).
 */
final class ReplicaSimulator {
    private final Potential v;
    private final double dt;
    private final long seed;
    private final double a;
    private final double b;
    private final long maxSteps;
    private final int d;
    private final boolean bridge;
    private final AmsSpec spec;
    /** Auxiliary Philox stream of the bridge-crossing uniforms. */
    static final int STREAM_BRIDGE = 1020;

    ReplicaSimulator(AmsSpec spec) {
        this(spec, spec.b());
    }

    /** As the spec's, with B = {ξ ≥ b} instead (forward flux sampling's next interface). */
    ReplicaSimulator(AmsSpec spec, double b) {
        this.spec = spec;
        this.v = spec.potential();
        this.dt = spec.dt();
        this.seed = spec.seed();
        this.a = spec.a();
        this.b = b;
        this.maxSteps = spec.maxSteps();
        this.d = spec.dimension();
        this.bridge = spec.bridge();
    }

    ReplicaPath simulate(long member, long lineage, double beta, long step0, double[] start) {
        double noise = Math.sqrt(2 * dt / beta);
        double[] x = start.clone();
        double[] g = new double[d];
        Records rec = new Records(d);
        double level = spec.level(x);
        double above = spec.aboveA(x);
        rec.add(level, x, step0);
        long step = step0;
        while (above > 0 && level < b) {
            if (step - step0 >= maxSteps) {
                throw new IllegalStateException("replica " + member + " reached neither A nor B in " + maxSteps
                        + " steps (raise splitting.max-time or check a and b)");
            }
            v.gradient(x, g);
            double before = above;
            for (int c = 0; c < d; c++) {
                x[c] = OverdampedLangevin.step(x[c], g[c], dt, noise, Streams.normal(seed, lineage, step * d + c));
            }
            step++;
            level = spec.level(x);
            above = spec.aboveA(x);
            if (!Double.isFinite(level) || !Double.isFinite(above)) {
                throw new IllegalStateException("replica " + member + " diverged at step " + step
                        + " (dt too large for the potential?)");
            }
            if (bridge && above > 0 && crossed(0, before, above, beta, dt, seed, lineage, step)) {
                level = Math.min(level, a); // the bridge touched A between the grid times
                break;
            }
            if (above > 0 && level > rec.max()) {
                rec.add(level, x, step);
            }
        }
        return new ReplicaPath(member, lineage, above > 0 && level >= b, step, step - step0, rec.levels(), rec.states(),
                rec.steps());
    }

    /**
     * Replays steps step0 + 1 … until of lineage {@code lineage} from x0 (as {@link #simulate} ran them),
     * writing each state into {@code out} from {@code offset} on.
     */
    void trace(long lineage, double beta, long step0, double[] x0, long until, double[] out, int offset) {
        double noise = Math.sqrt(2 * dt / beta);
        double[] x = x0.clone();
        double[] g = new double[d];
        int o = offset;
        for (long step = step0; step < until; step++) {
            v.gradient(x, g);
            for (int c = 0; c < d; c++) {
                x[c] = OverdampedLangevin.step(x[c], g[c], dt, noise, Streams.normal(seed, lineage, step * d + c));
            }
            System.arraycopy(x, 0, out, o, d);
            o += d;
        }
    }

    /**
     * Whether the Brownian bridge from ξ = from to ξ = to (both above a) over one step touched a:
     * probability exp(−2(from − a)(to − a)/(σ² dt)), drawn from (seed, lineage, step).
     */
    static boolean crossed(double a, double from, double to, double beta, double dt, long seed, long lineage,
                           long step) {
        double exponent = 2 * (from - a) * (to - a) * beta / (2 * dt);
        if (exponent > 40) {
            return false; // probability below 4e-18: skipped (a 53-bit uniform is 0 only with probability 1e-16)
        }
        return Streams.uniform(seed, lineage, STREAM_BRIDGE, step) < Math.exp(-exponent);
    }

    /** A growable list of record points. */
    private static final class Records {
        private final int d;
        private double[] levels = new double[16];
        private double[] states;
        private long[] steps = new long[16];
        private int n;

        Records(int d) {
            this.d = d;
            this.states = new double[16 * d];
        }

        double max() {
            return levels[n - 1];
        }

        void add(double level, double[] x, long step) {
            if (n == levels.length) {
                levels = java.util.Arrays.copyOf(levels, 2 * n);
                steps = java.util.Arrays.copyOf(steps, 2 * n);
                states = java.util.Arrays.copyOf(states, 2 * n * d);
            }
            levels[n] = level;
            steps[n] = step;
            System.arraycopy(x, 0, states, n * d, d);
            n++;
        }

        double[] levels() {
            return java.util.Arrays.copyOf(levels, n);
        }

        double[] states() {
            return java.util.Arrays.copyOf(states, n * d);
        }

        long[] steps() {
            return java.util.Arrays.copyOf(steps, n);
        }
    }
}
