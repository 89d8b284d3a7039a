package org.ensemble.langevin;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.population.ParticleSlab;
import org.ensemble.dynamics.PairInteraction;

/**
 * Sufficient statistics of one block after a phase, computed in id order so that the merged
 * measure does not depend on which shard (or particle actors) held the block. Particles absorbed
 * by a target are counted but not measured.
 *
 * @param measured   particles in the empirical measure (not absorbed)
 * @param nonFinite  measured particles with a NaN or infinite coordinate (divergence)
 * @param mean       mean of the measured particles, per axis
 * @param comoment   Σ (x − mean)(x − mean)ᵀ, row-major d×d
 * @param reached    particles that have entered each target so far
 * @param events     first entries into targets during this phase, in id order
 * @param positions  positions of the measured particles in id order, particle-major (FULL level with
 *                   {@link ObservationSpec#collectPositions()}, or every phase for a PAIRS field)
 * @param deposit    cloud-in-cell weights of the measured particles on the pair grid (GRID field)
 */
public record BlockStatistics(int block, int size, long measured, long nonFinite, double[] mean, double[] comoment,
                              long[][] histogram, long[] joint, long[][] fine, long[] occupancy, long[] reached,
                              List<EscapeEvent> events, double[] positions, double[] deposit) {

    private static long countNonFinite(double[] x, int lo, int hi) {
        long k = 0;
        for (int i = lo; i < hi; i++) {
            k += Double.isFinite(x[i]) ? 0 : 1;
        }
        return k;
    }

    /**
     * Statistics of slab particles [lo, hi) (block {@code block}); events are hits at steps in
     * (fromStep, toStep].
     */
    public static BlockStatistics of(ParticleSlab slab, int lo, int hi, int block, ObservationSpec spec,
                                     StatisticsLevel level, long fromStep, long toStep) {
        int d = slab.dimension();
        int n = slab.size();
        double[] pos = slab.positions();
        long[] hits = slab.hitSteps();
        int[] targets = slab.hitTargets();
        boolean absorbing = spec.absorbing();
        long measured = 0;
        long nonFinite = 0;
        double[] sum = new double[d];
        long[] reached = new long[spec.targetNames().size()];
        List<EscapeEvent> events = new ArrayList<>();
        if (reached.length == 0 && level == StatisticsLevel.MOMENTS && d == 1 && spec.pair() == null) {
            // The per-step field of interacting runs without targets: one tight pass over the positions.
            double s0 = 0;
            for (int i = lo; i < hi; i++) {
                s0 += pos[i];
            }
            long bad = Double.isFinite(s0) ? 0 : countNonFinite(pos, lo, hi);
            double[] m1 = {bad == 0 ? s0 / (hi - lo) : 0.0};
            return new BlockStatistics(block, hi - lo, hi - lo, bad, m1, new double[1], null, null, null, null,
                    reached, List.of(), null, null);
        }
        for (int i = lo; i < hi; i++) {
            long h = hits[i];
            if (h > 0) {
                reached[targets[i]]++;
                if (h > fromStep && h <= toStep) {
                    events.add(new EscapeEvent(slab.firstId() + i, h, targets[i]));
                }
                if (absorbing) {
                    continue;
                }
            }
            measured++;
            boolean finite = true;
            for (int c = 0; c < d; c++) {
                double v = pos[c * n + i];
                finite &= Double.isFinite(v);
                sum[c] += v;
            }
            if (!finite) {
                nonFinite++;
            }
        }
        double[] mean = new double[d];
        double[] com = new double[d * d];
        if (measured > 0 && nonFinite == 0) {
            for (int c = 0; c < d; c++) {
                mean[c] = sum[c] / measured;
            }
        }
        // The co-moment pass only for full reports: a moment-type field needs the means alone.
        if (measured > 0 && nonFinite == 0 && level == StatisticsLevel.FULL) {
            double[] dx = new double[d];
            for (int i = lo; i < hi; i++) {
                if (absorbing && hits[i] > 0) {
                    continue;
                }
                for (int c = 0; c < d; c++) {
                    dx[c] = pos[c * n + i] - mean[c];
                }
                for (int a = 0; a < d; a++) {
                    for (int b = a; b < d; b++) {
                        com[a * d + b] += dx[a] * dx[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    com[a * d + b] = com[b * d + a];
                }
            }
        }
        long[][] hist = null;
        long[] joint = null;
        long[][] fine = null;
        long[] occupancy = null;
        if (level == StatisticsLevel.FULL && nonFinite == 0) {
            hist = new long[d][spec.bins()];
            fine = new long[d][ObservationSpec.FINE_BINS];
            joint = d >= 2 ? new long[spec.jointBins() * spec.jointBins()] : null;
            occupancy = new long[spec.minima().size()];
            double[] x = new double[d];
            for (int i = lo; i < hi; i++) {
                if (absorbing && hits[i] > 0) {
                    continue;
                }
                for (int c = 0; c < d; c++) {
                    x[c] = pos[c * n + i];
                    hist[c][spec.bin(c, x[c], spec.bins())]++;
                    fine[c][spec.bin(c, x[c], ObservationSpec.FINE_BINS)]++;
                }
                if (joint != null) {
                    int jb = spec.jointBins();
                    joint[spec.bin(0, x[0], jb) * jb + spec.bin(1, x[1], jb)]++;
                }
                int k = spec.basin(x);
                if (k >= 0) {
                    occupancy[k]++;
                }
            }
        }
        double[] positions = null;
        PairInteraction pair = spec.pair();
        boolean pairs = pair != null && pair.method() == PairInteraction.Method.PAIRS;
        if ((level == StatisticsLevel.FULL && spec.collectPositions()) || pairs) {
            // Particle-major: [x0 of the first particle, x1 of it, …, x0 of the next, …].
            positions = new double[(int) measured * d];
            int k = 0;
            for (int i = lo; i < hi; i++) {
                if (!(absorbing && hits[i] > 0)) {
                    for (int c = 0; c < d; c++) {
                        positions[k++] = pos[c * n + i];
                    }
                }
            }
        }
        double[] deposit = null;
        if (pair != null && pair.method() == PairInteraction.Method.GRID) {
            deposit = new double[pair.dimension() == 1 ? pair.nodes() : pair.nodes() * pair.nodes()];
            for (int i = lo; i < hi; i++) {
                if (!(absorbing && hits[i] > 0)) {
                    if (pair.dimension() == 1) {
                        pair.deposit(pos[i], 1.0, deposit);
                    } else {
                        pair.deposit2(pos[i], pos[n + i], 1.0, deposit);
                    }
                }
            }
        }
        return new BlockStatistics(block, hi - lo, measured, nonFinite, mean, com, hist, joint, fine, occupancy,
                reached, List.copyOf(events), positions, deposit);
    }
}
