package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.random.Streams;

/**
 * One independent AMS run on the coordinator (Bréhier–Lelièvre–Rousset 2015): at iteration j the
 * level Z_j is the k-th lowest maximum level; every replica at or below it is killed (K_j of them,
 * ties included) and restarted from the first record point above Z_j of a survivor drawn uniformly;
 * the run ends when Z_j ≥ b or all n replicas would be killed (extinction, estimate 0). The estimate
 * p̂ = ∏_j (1 − K_j/n) · #{reached B}/n is unbiased for every n and k.
 */
final class AmsRun {
    /** Auxiliary Philox stream of the survivor draws, keyed by (seed, run) with counter j·n + m. */
    static final int STREAM_BRANCH = 1019;

    private final int run;
    private final int dimension;
    private final int n;
    private final int k;
    private final double b;
    private final long seed;
    private final ReplicaPath[] paths;
    /** Each slot's history (for replaying reactive trajectories) and, while a restart runs, its parent. */
    private final TrajectorySegment[] heads;
    private final TrajectorySegment[] parents;
    private double logWeight;
    private int iterations;
    private long nextLineage;
    private long cost;
    private long firstCost;
    private boolean finished;
    private boolean extinct;

    AmsRun(int run, int n, int k, double b, long seed, int dimension) {
        this.run = run;
        this.dimension = dimension;
        this.n = n;
        this.k = k;
        this.b = b;
        this.seed = seed;
        this.paths = new ReplicaPath[n];
        this.heads = new TrajectorySegment[n];
        this.parents = new TrajectorySegment[n];
        this.nextLineage = n;
    }

    void accept(int slot, ReplicaPath p) {
        if (paths[slot] == null) {
            firstCost += p.cost();
        }
        paths[slot] = p;
        cost += p.cost();
        int d = p.states().length / p.levels().length;
        heads[slot] = new TrajectorySegment(p.lineage(), p.steps()[0], java.util.Arrays.copyOf(p.states(), d),
                parents[slot]);
        parents[slot] = null;
    }

    boolean finished() {
        return finished;
    }

    /** The next iteration's restarts, or none when the run has ended (then {@link #finished()}). */
    List<ReplicaStart> iterate() {
        if (finished) {
            return List.of();
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = paths[i].maxLevel();
        }
        java.util.Arrays.sort(sorted);
        double z = sorted[k - 1];
        if (z >= b) {
            finished = true;
            return List.of();
        }
        List<Integer> killed = new ArrayList<>();
        List<Integer> survivors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (paths[i].maxLevel() <= z ? killed : survivors).add(i);
        }
        if (survivors.isEmpty()) {
            finished = true;
            extinct = true;
            return List.of();
        }
        logWeight += Math.log1p(-(double) killed.size() / n);
        List<ReplicaStart> out = new ArrayList<>();
        long base = (long) iterations * n;
        for (int m = 0; m < killed.size(); m++) {
            double u = Streams.uniform(seed, run, STREAM_BRANCH, base + m);
            ReplicaPath from = paths[survivors.get((int) (u * survivors.size()))];
            int r = from.firstAbove(z);
            int d = from.states().length / from.levels().length;
            double[] x = java.util.Arrays.copyOfRange(from.states(), r * d, (r + 1) * d);
            int slot = killed.get(m);
            parents[slot] = heads[(int) (from.member() % n)];
            out.add(new ReplicaStart(paths[slot].member(), AmsSpec.lineage(run, nextLineage++), from.steps()[r], x));
        }
        iterations++;
        return out;
    }

    /** The lowest maximum level now (the next kill level's lower bound), for progress. */
    double lowestLevel() {
        double m = Double.POSITIVE_INFINITY;
        for (ReplicaPath p : paths) {
            m = Math.min(m, p.maxLevel());
        }
        return m;
    }

    /** Appends this run's whole state to a checkpoint (see {@link AmsCheckpoint}). */
    void save(AmsCheckpoint.Writer w) {
        w.doubles.add(logWeight);
        w.longs.add(iterations);
        w.longs.add(nextLineage);
        w.longs.add(cost);
        w.longs.add(firstCost);
        w.longs.add(finished ? 1 : 0);
        w.longs.add(extinct ? 1 : 0);
        for (int i = 0; i < n; i++) {
            ReplicaPath p = paths[i];
            if (p == null) {
                w.pathMeta.add(-1);
            } else {
                w.pathMeta.add(p.levels().length);
                w.pathMeta.add(p.lineage());
                w.pathMeta.add(p.reachedB() ? 1 : 0);
                w.pathMeta.add(p.endStep());
                w.pathMeta.add(p.cost());
                w.levels.addAll(p.levels());
                w.states.addAll(p.states());
                for (long t : p.steps()) {
                    w.steps.add(t);
                }
            }
            w.longs.add(w.segment(heads[i]));
            w.longs.add(w.segment(parents[i]));
        }
    }

    /** Restores what {@link #save} wrote. */
    void load(AmsCheckpoint.Reader r) {
        logWeight = r.doubles[r.doubleAt++];
        iterations = (int) r.longs[r.longAt++];
        nextLineage = r.longs[r.longAt++];
        cost = r.longs[r.longAt++];
        firstCost = r.longs[r.longAt++];
        finished = r.longs[r.longAt++] == 1;
        extinct = r.longs[r.longAt++] == 1;
        for (int i = 0; i < n; i++) {
            int count = (int) r.pathMeta[r.pathAt++];
            if (count < 0) {
                paths[i] = null;
            } else {
                long lineage = r.pathMeta[r.pathAt++];
                boolean reachedB = r.pathMeta[r.pathAt++] == 1;
                long endStep = r.pathMeta[r.pathAt++];
                long pathCost = r.pathMeta[r.pathAt++];
                double[] levels = java.util.Arrays.copyOfRange(r.levels, r.levelAt, r.levelAt + count);
                r.levelAt += count;
                int d = dimension;
                double[] states = java.util.Arrays.copyOfRange(r.states, r.stateAt, r.stateAt + count * d);
                r.stateAt += count * d;
                long[] steps = java.util.Arrays.copyOfRange(r.steps, r.stepAt, r.stepAt + count);
                r.stepAt += count;
                paths[i] = new ReplicaPath((long) run * n + i, lineage, reachedB, endStep, pathCost, levels, states,
                        steps);
            }
            heads[i] = r.segment(r.longs[r.longAt++]);
            parents[i] = r.segment(r.longs[r.longAt++]);
        }
    }

    /** Up to {@code limit} of this run's trajectories that reached B, replayed in slot order. */
    List<ReactiveTrajectory> reactive(ReplicaSimulator simulator, double beta, int limit, int d) {
        List<ReactiveTrajectory> out = new ArrayList<>();
        for (int i = 0; i < n && out.size() < limit; i++) {
            if (!extinct && paths[i].reachedB()) {
                out.add(ReactiveTrajectories.replay(simulator, run, beta, i, heads[i], paths[i].endStep(), d));
            }
        }
        return out;
    }

    AmsRunResult result(double beta, double dt) {
        int hits = 0;
        double reactive = 0;
        for (ReplicaPath p : paths) {
            if (p.reachedB()) {
                hits++;
                reactive += p.endStep() * dt;
            }
        }
        double p = extinct ? 0 : Math.exp(logWeight) * hits / n;
        return new AmsRunResult(run, beta, p, iterations, cost, (double) firstCost / n,
                hits > 0 ? reactive / hits : Double.NaN, extinct);
    }
}
