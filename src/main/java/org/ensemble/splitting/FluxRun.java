package org.ensemble.splitting;

import org.ensemble.dynamics.OverdampedLangevin;
import org.ensemble.potential.Potential;
import org.ensemble.random.Streams;

/**
 * The short direct run behind the renewal formula for the MFPT: particles started at {@code from}
 * in A run the same Euler–Maruyama chain (and the same bridge check of A) as the replicas, and every
 * loop A → Σ → A is timed, Σ = {ξ ≥ σ} being the AMS start level: τ₁ from entering A (or the start)
 * to the first grid point in Σ, τ₂ from there back to A. The first points in Σ are kept: they are
 * where the AMS replicas start, so that p is the probability from the entry distribution the
 * renewal formula needs. An excursion that reaches B instead restarts its particle at {@code from}.
 * Noise: Philox keyed by (seed, 2^60 + particle), disjoint from every replica lineage.
 */
public final class FluxRun {
    static final long ID_BASE = 1L << 60;

    private FluxRun() {
    }

    /**
     * Loop statistics of the direct run.
     *
     * @param entries first points in Σ, row-major (d per point), in particle then time order
     */
    public record Result(double beta, long loops, double meanToSigma, double meanBack, double sdLoop,
                         long reactive, long steps, double[] entries) {
        /** Mean loop time E[τ₁ + τ₂]. */
        public double meanLoop() {
            return meanToSigma + meanBack;
        }

        public double loopSe() {
            return sdLoop / Math.sqrt(loops);
        }
    }

    /**
     * The run's sums after {@code particles} particles: all a resumed run needs to continue to the
     * same bits (particles are independent; the sums are added in particle order either way).
     *
     * @param entries first points in Σ so far, row-major
     */
    public record Partial(int particles, long loops, long reactive, double sum1, double sum2, double sumL,
                          double sumL2, double[] entries) {
        /** Before the first particle. */
        public static final Partial NONE = new Partial(0, 0, 0, 0, 0, 0, 0, new double[0]);
    }

    public static Result run(Potential v, double beta, double dt, long seed, int axis, double a, double sigma,
                             double b, boolean bridge, double[] from, int particles, long stepsPerParticle) {
        return run(v, beta, dt, seed, axis, a, sigma, b, bridge, from, particles, stepsPerParticle, Partial.NONE,
                StepBarrier.none()).orElseThrow();
    }

    /**
     * As above, continuing after {@code done} and asking {@code barrier} after each particle;
     * empty when the barrier stopped the run.
     */
    public static java.util.Optional<Result> run(Potential v, double beta, double dt, long seed, int axis, double a,
                                                 double sigma, double b, boolean bridge, double[] from, int particles,
                                                 long stepsPerParticle, Partial done, StepBarrier<Partial> barrier) {
        int d = from.length;
        double noise = Math.sqrt(2 * dt / beta);
        double[] g = new double[d];
        double sum1 = done.sum1();
        double sum2 = done.sum2();
        double sumL = done.sumL();
        double sumL2 = done.sumL2();
        long loops = done.loops();
        long reactive = done.reactive();
        double[] entries = java.util.Arrays.copyOf(done.entries(), Math.max(64 * d, done.entries().length));
        int nEntries = done.entries().length / d;
        for (int p = done.particles(); p < particles; p++) {
            long id = ID_BASE + p;
            double[] x = from.clone();
            boolean excursion = false;
            long phaseStart = 0;
            double tau1 = 0;
            for (long step = 0; step < stepsPerParticle; step++) {
                double before = x[axis];
                v.gradient(x, g);
                for (int c = 0; c < d; c++) {
                    x[c] = OverdampedLangevin.step(x[c], g[c], dt, noise, Streams.normal(seed, id, step * d + c));
                }
                double level = x[axis];
                long now = step + 1;
                if (!excursion) {
                    if (level >= sigma) {
                        excursion = true;
                        tau1 = (now - phaseStart) * dt;
                        phaseStart = now;
                        if (nEntries * d == entries.length) {
                            entries = java.util.Arrays.copyOf(entries, 2 * entries.length);
                        }
                        System.arraycopy(x, 0, entries, nEntries * d, d);
                        nEntries++;
                    }
                } else if (level >= b) {
                    reactive++;
                    x = from.clone();
                    excursion = false;
                    phaseStart = now;
                } else if (level <= a || (bridge && ReplicaSimulator.crossed(a, before, level, beta, dt, seed, id,
                        step))) {
                    double tau2 = (now - phaseStart) * dt;
                    loops++;
                    sum1 += tau1;
                    sum2 += tau2;
                    sumL += tau1 + tau2;
                    sumL2 += (tau1 + tau2) * (tau1 + tau2);
                    excursion = false;
                    phaseStart = now;
                }
            }
            double[] e = entries; // effectively final copies for the lazily built state
            int n = nEntries * d;
            long l = loops;
            long r = reactive;
            double s1 = sum1;
            double s2 = sum2;
            double sl = sumL;
            double sl2 = sumL2;
            int next = p + 1;
            if (barrier.stopAfter(next, () -> new Partial(next, l, r, s1, s2, sl, sl2, java.util.Arrays.copyOf(e, n)))) {
                return java.util.Optional.empty();
            }
        }
        if (loops < 2) {
            throw new IllegalArgumentException("the direct run completed fewer than 2 loops A → Σ → A at β = " + beta
                    + ": make it longer");
        }
        double mean = sumL / loops;
        double sd = Math.sqrt(Math.max(0, (sumL2 - loops * mean * mean) / (loops - 1)));
        return java.util.Optional.of(new Result(beta, loops, sum1 / loops, sum2 / loops, sd, reactive,
                (long) particles * stepsPerParticle, java.util.Arrays.copyOf(entries, nEntries * d)));
    }
}
