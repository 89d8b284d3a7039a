package org.ensemble.sgd;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * One shard of the parameter server (plain numerics): owns the coordinates [first, first + size),
 * keeps its slice of every version still pulled, its slice of the momentum, and applies a round's
 * updates to its range. Coordinate c of version v + 1 depends only on coordinate c of versions ≤ v
 * and of the gradient sums, so shards apply a whole round independently (at once, on their own
 * threads) and the bits are those of one server over all coordinates, whatever the split.
 */
final class ServerShard {
    private final SgdSettings s;
    private final int first;
    private final int size;
    private final TreeMap<Long, double[]> history = new TreeMap<>();
    private double[] velocity;
    /** Momentum before the last round and after each of its updates, so a run stopped inside it can be rewound. */
    private double[][] roundVelocity = new double[0][];
    private long roundFrom;
    private long version;
    private final ExactSum sum = new ExactSum();

    ServerShard(SgdSettings s, int first, int size, double[] init) {
        this.s = s;
        this.first = first;
        this.size = size;
        this.velocity = new double[size];
        history.put(0L, Arrays.copyOfRange(init, first, first + size));
    }

    int first() {
        return first;
    }

    int size() {
        return size;
    }

    /** This shard's slice of version {@code v}. */
    double[] slice(long v) {
        double[] p = history.get(v);
        if (p == null) {
            throw new IllegalStateException("version " + v + " is no longer kept (server at " + version + ")");
        }
        return p;
    }

    double[] velocity() {
        return velocity;
    }

    /**
     * Applies {@code round} in version order: update i's job k has gradient sum {@code sums.get(i).get(k)}
     * (one expansion per coordinate of the whole model; this shard reads its range).
     */
    void apply(List<Update> round, List<List<double[][]>> sums) {
        roundFrom = version;
        boolean momentum = s.momentum() != 0;
        if (momentum) {
            roundVelocity = new double[round.size() + 1][];
            roundVelocity[0] = velocity.clone();
        }
        for (int i = 0; i < round.size(); i++) {
            Update u = round.get(i);
            if (u.from() != version) {
                throw new IllegalStateException("update of version " + u.from() + " applied at version " + version);
            }
            List<double[][]> us = sums.get(i);
            int jobs = u.jobs().size();
            double samples = (double) jobs * s.batch();
            double[] x = history.get(version);
            double[] stale = s.algorithm() == Algorithm.DC_ASGD ? slice(u.pulled()) : null;
            double[] next = new double[size];
            for (int k = 0; k < size; k++) {
                int c = first + k;
                sum.clear();
                for (double[][] g : us) {
                    sum.addAll(g[c]);
                }
                if (s.algorithm() == Algorithm.LOCAL_SGD) {
                    next[k] = sum.value() / jobs; // the mean of the workers' parameters
                    continue;
                }
                if (s.algorithm() == Algorithm.EASGD) {
                    next[k] = x[k] + s.elasticity() * (sum.value() - jobs * x[k]); // x̃ + α Σ(x_i − x̃)
                    continue;
                }
                double g = sum.value() / samples;
                if (stale != null) {
                    g += s.dcLambda() * g * g * (x[k] - stale[k]);
                }
                if (momentum) {
                    velocity[k] = s.momentum() * velocity[k] - s.lr() * g;
                    next[k] = x[k] + velocity[k];
                } else {
                    next[k] = x[k] - s.lr() * g;
                }
            }
            if (momentum) {
                roundVelocity[i + 1] = velocity.clone();
            }
            version++;
            history.put(version, next);
        }
    }

    /** Forgets the versions after {@code v}, which must lie in the last round applied (a run that stopped there). */
    void rewindTo(long v) {
        if (v < roundFrom || v > version) {
            throw new IllegalStateException("cannot rewind to version " + v + " (last round " + roundFrom + " … "
                    + version + ")");
        }
        if (v == version) {
            return;
        }
        history.tailMap(v, false).clear();
        if (s.momentum() != 0) {
            velocity = roundVelocity[(int) (v - roundFrom)].clone();
        }
        version = v;
    }

    /** Forgets the slices of versions before {@code v} (no job still computes on them). */
    void keepFrom(long v) {
        history.headMap(Math.min(v, version)).clear();
    }

    /** The versions kept, oldest first. */
    long[] keptVersions() {
        return history.keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /** Restores the kept slices (taken from the whole-model rows {@code kept}, d columns) and the momentum. */
    void restore(long at, long[] versions, double[] kept, int d, double[] wholeVelocity) {
        history.clear();
        for (int i = 0; i < versions.length; i++) {
            history.put(versions[i], Arrays.copyOfRange(kept, i * d + first, i * d + first + size));
        }
        velocity = Arrays.copyOfRange(wholeVelocity, first, first + size);
        version = at;
        roundFrom = at;
    }
}
