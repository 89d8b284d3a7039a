package org.ensemble.langevin;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.dynamics.PairInteraction;

/**
 * The merged empirical measure after step {@code step}: blocks combined in block order (Chan et
 * al.'s pairwise update for the co-moments), so every shard layout gives the same bits.
 *
 * @param total      all particles
 * @param measured   particles in the measure (not absorbed)
 * @param covariance row-major d×d (population covariance, divisor = measured)
 * @param histogram  per axis counts (FULL level only, else null)
 * @param quantiles  per axis, at the spec's levels (FULL only)
 * @param occupancy  fraction of all particles in each basin (FULL only; absorbed particles count in none)
 * @param reached    particles that have entered each target so far
 * @param events     first entries during the phase that ended here, in block (= id) order
 * @param positions  positions of the measured particles in id order, particle-major, when collected
 * @param deposit    the particles' cloud-in-cell weights on the pair grid (GRID pair field), summed in block order
 */
public record Measure(long step, double time, StatisticsLevel level, long total, long measured, long nonFinite,
                      double[] mean, double[] covariance, long[][] histogram, long[] joint, double[][] quantiles,
                      double[] occupancy, long[] reached, List<EscapeEvent> events, double[] positions,
                      double[] deposit) {

    /**
     * This measure for the observed log: without the pair deposit (only the reducer reads it) and
     * without the positions unless {@code keepPositions} (an observer needs them to replay).
     */
    public Measure forLog(boolean keepPositions) {
        double[] p = keepPositions && level == StatisticsLevel.FULL ? positions : null;
        if (p == positions && deposit == null) {
            return this;
        }
        return new Measure(step, time, level, total, measured, nonFinite, mean, covariance, histogram, joint, quantiles,
                occupancy, reached, events, p, null);
    }

    public int dimension() {
        return mean.length;
    }

    public boolean diverged() {
        return nonFinite > 0;
    }

    public double variance(int axis) {
        return covariance[axis * mean.length + axis];
    }

    public long reachedTotal() {
        long s = 0;
        for (long r : reached) {
            s += r;
        }
        return s;
    }

    /** Merges block statistics, which must be sorted by block index. */
    public static Measure merge(List<BlockStatistics> blocks, ObservationSpec spec, StatisticsLevel level, long step,
                                double time) {
        int d = spec.dimension();
        long total = 0;
        long n = 0;
        long nonFinite = 0;
        double[] mean = new double[d];
        double[] com = new double[d * d];
        long[] reached = new long[spec.targetNames().size()];
        List<EscapeEvent> events = new ArrayList<>();
        boolean full = level == StatisticsLevel.FULL;
        long[][] hist = full ? new long[d][spec.bins()] : null;
        long[][] fine = full ? new long[d][ObservationSpec.FINE_BINS] : null;
        long[] joint = full && d >= 2 ? new long[spec.jointBins() * spec.jointBins()] : null;
        long[] occ = full ? new long[spec.minima().size()] : null;
        int previous = -1;
        double[] positions = null;
        boolean anyPositions = blocks.stream().anyMatch(b -> b.positions() != null);
        if (anyPositions) {
            long count = 0;
            for (BlockStatistics b : blocks) {
                count += b.positions() == null ? 0 : b.positions().length;
            }
            positions = new double[(int) count];
            int k = 0;
            for (BlockStatistics b : blocks) {
                if (b.positions() != null) {
                    System.arraycopy(b.positions(), 0, positions, k, b.positions().length);
                    k += b.positions().length;
                }
            }
        }
        double[] deposit = spec.pair() != null && spec.pair().method()
                == PairInteraction.Method.GRID ? new double[spec.pair().dimension() == 1 ? spec.pair().nodes()
                : spec.pair().nodes() * spec.pair().nodes()] : null;
        for (BlockStatistics b : blocks) {
            if (deposit != null && b.deposit() != null) {
                add(deposit, b.deposit());
            }
            if (b.block() <= previous) {
                throw new IllegalArgumentException("blocks must be merged in increasing order");
            }
            previous = b.block();
            total += b.size();
            nonFinite += b.nonFinite();
            for (int t = 0; t < reached.length; t++) {
                reached[t] += b.reached()[t];
            }
            events.addAll(b.events());
            long nb = b.measured();
            if (nb > 0 && b.nonFinite() == 0) {
                long nn = n + nb;
                double[] delta = new double[d];
                for (int c = 0; c < d; c++) {
                    delta[c] = b.mean()[c] - mean[c];
                }
                double w = (double) n * nb / nn;
                for (int a = 0; a < d * d; a++) {
                    com[a] += b.comoment()[a] + delta[a / d] * delta[a % d] * w;
                }
                for (int c = 0; c < d; c++) {
                    mean[c] += delta[c] * nb / nn;
                }
                n = nn;
            } else {
                n += nb;
            }
            if (full && b.histogram() != null) {
                for (int c = 0; c < d; c++) {
                    add(hist[c], b.histogram()[c]);
                    add(fine[c], b.fine()[c]);
                }
                if (joint != null) {
                    add(joint, b.joint());
                }
                add(occ, b.occupancy());
            }
        }
        double[] cov = new double[d * d];
        if (n > 0) {
            for (int a = 0; a < d * d; a++) {
                cov[a] = com[a] / n;
            }
        }
        double[][] quantiles = null;
        double[] occupancy = null;
        if (full && nonFinite == 0) {
            quantiles = new double[d][];
            for (int c = 0; c < d; c++) {
                quantiles[c] = quantiles(fine[c], spec.low()[c], spec.high()[c], spec.quantileLevels());
            }
            occupancy = new double[occ.length];
            for (int k = 0; k < occ.length; k++) {
                occupancy[k] = total == 0 ? 0 : (double) occ[k] / total;
            }
        }
        return new Measure(step, time, level, total, n, nonFinite, mean, cov, hist, joint, quantiles, occupancy,
                reached, List.copyOf(events), positions, deposit);
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** Quantiles by linear interpolation inside the fine histogram's bins (NaN when empty). */
    static double[] quantiles(long[] counts, double low, double high, double[] levels) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] out = new double[levels.length];
        double width = (high - low) / counts.length;
        for (int k = 0; k < levels.length; k++) {
            if (n == 0) {
                out[k] = Double.NaN;
                continue;
            }
            double target = levels[k] * n;
            long cum = 0;
            int b = 0;
            while (b < counts.length - 1 && cum + counts[b] < target) {
                cum += counts[b];
                b++;
            }
            double frac = counts[b] == 0 ? 0.5 : (target - cum) / counts[b];
            out[k] = low + (b + Math.max(0, Math.min(1, frac))) * width;
        }
        return out;
    }
}
