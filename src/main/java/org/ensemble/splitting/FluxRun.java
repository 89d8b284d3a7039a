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

    public static Result run(Potential v, double beta, double dt, long seed, int axis, double a, double sigma,
                             double b, boolean bridge, double[] from, int particles, long stepsPerParticle) {
        int d = from.length;
        double noise = Math.sqrt(2 * dt / beta);
        double[] g = new double[d];
        double sum1 = 0;
        double sum2 = 0;
        double sumL = 0;
        double sumL2 = 0;
        long loops = 0;
        long reactive = 0;
        double[] entries = new double[64 * d];
        int nEntries = 0;
        for (int p = 0; p < particles; p++) {
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
        }
        if (loops < 2) {
            throw new IllegalArgumentException("the direct run completed fewer than 2 loops A → Σ → A at β = " + beta
                    + ": make it longer");
        }
        double mean = sumL / loops;
        double sd = Math.sqrt(Math.max(0, (sumL2 - loops * mean * mean) / (loops - 1)));
        return new Result(beta, loops, sum1 / loops, sum2 / loops, sd, reactive, (long) particles * stepsPerParticle,
                java.util.Arrays.copyOf(entries, nEntries * d));
    }
}
