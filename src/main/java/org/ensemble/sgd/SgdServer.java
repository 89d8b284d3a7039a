package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.ensemble.step.StateArray;

/**
 * The parameter server's numerics (no actors), used by the reducer and by the plain loop alike:
 * plans rounds from the {@link PushSchedule} (the updates whose jobs pulled versions the server
 * already has), keeps the versions still being computed on, applies updates in version order
 * (x ← x − η ĝ, ĝ the exact mean of the update's gradients, DC-ASGD's correction and momentum
 * v ← μv − ηĝ, x ← x + v) and folds what reports need. The coordinates are split into key ranges,
 * each owned by a {@link ServerShard} that applies a round's updates to its range and serves its
 * slice of the versions pulled; with several shards they apply a round at once on threads of their
 * own. The folds over all coordinates (loss, |x − x*|², divergence) read the assembled parameters
 * version by version, so the bits are the same for any number of server shards.
 */
public final class SgdServer {
    /** Beyond this |x|² the parameters are taken as diverged (before they overflow). */
    static final double DIVERGED_SQUARED_NORM = 1e200;

    private final SgdSettings s;
    private final SgdModel model;
    private final PushSchedule schedule;
    private final double[] optimum;
    private final ServerShard[] shards;
    /** Threads for shards 1 … K − 1 (shard 0 runs on the caller's); null with one shard. */
    private final ExecutorService pool;
    /** Whole-model parameters of the versions pulled since the last plan (assembled from the shards once each). */
    private final TreeMap<Long, double[]> pulled = new TreeMap<>();
    private Update peeked;
    private double[] x;
    private long version;
    private double time;
    private double windowSq;
    private int windowN;
    private final TreeMap<Long, Long> windowStale = new TreeMap<>();
    private boolean diverged;
    private final boolean fitMomentum;
    private final double[] exact;
    private double[] lastStep;
    private final double[] momentumSums = new double[MomentumFit.SUMS];

    public SgdServer(SgdSettings s, SgdModel model) {
        if (s.init().length != model.dimension()) {
            throw new IllegalArgumentException("initial parameters have " + s.init().length + " coordinates, the model "
                    + model.dimension());
        }
        this.s = s;
        this.model = model;
        this.schedule = new PushSchedule(s.policy(), s.workers(), s.bound(), s.delays());
        this.optimum = model.optimum();
        this.x = s.init().clone();
        this.exact = new double[x.length];
        this.fitMomentum = model.exactGradient(x, exact);
        this.lastStep = new double[x.length];
        int d = x.length;
        int k = s.serverShards();
        this.shards = new ServerShard[k];
        for (int i = 0; i < k; i++) {
            int lo = (int) ((long) i * d / k);
            int hi = (int) ((long) (i + 1) * d / k);
            shards[i] = new ServerShard(s, lo, hi - lo, x);
        }
        if (k == 1) {
            this.pool = null;
        } else {
            ThreadPoolExecutor p = new ThreadPoolExecutor(k - 1, k - 1, 1, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "sgd-server-shard");
                        t.setDaemon(true);
                        return t;
                    });
            p.allowCoreThreadTimeOut(true); // idle threads end after a second: nothing to close
            this.pool = p;
        }
    }

    /** How many key ranges the coordinates are split into. */
    public int shardCount() {
        return shards.length;
    }

    public long version() {
        return version;
    }

    public boolean done() {
        return diverged || version >= s.versions();
    }

    public boolean diverged() {
        return diverged;
    }

    public double[] parameters() {
        return x;
    }

    /** The parameters of version {@code v}, which a planned job pulled. */
    public double[] parameters(long v) {
        if (v == version) {
            return x;
        }
        return pulled.computeIfAbsent(v, this::assemble);
    }

    /** Version {@code v}'s parameters from every shard's slice: a pull. */
    private double[] assemble(long v) {
        double[] p = new double[x.length];
        for (ServerShard sh : shards) {
            System.arraycopy(sh.slice(v), 0, p, sh.first(), sh.size());
        }
        return p;
    }

    /** Forgets the parameters of versions before {@code v} (no job still computes on them; wall timing). */
    public void keepFrom(long v) {
        for (ServerShard sh : shards) {
            sh.keepFrom(v);
        }
        pulled.headMap(Math.min(v, version)).clear();
    }

    /** The next round: up to {@code max} updates whose jobs pulled versions ≤ the current one. */
    public List<Update> plan(int max) {
        long keep = Math.min(version, schedule.oldestPulled());
        if (peeked != null) {
            keep = Math.min(keep, peeked.pulled());
        }
        keepFrom(keep);
        pulled.clear();
        List<Update> out = new ArrayList<>();
        while (out.size() < max && version + out.size() < s.versions()) {
            if (peeked == null) {
                peeked = schedule.next();
            }
            if (peeked.pulled() > version) {
                break;
            }
            out.add(peeked);
            peeked = null;
        }
        return out;
    }

    /**
     * Applies update {@code u} (the next version) given each job's gradient sum (one expansion per
     * coordinate); returns the report when one is due (every reportEvery versions, the last, or on
     * divergence), else null.
     */
    public SgdReport apply(Update u, List<double[][]> sums) {
        List<SgdReport> r = applyRound(List.of(u), List.of(sums));
        return r.isEmpty() ? null : r.get(0);
    }

    /**
     * Applies the updates of a round in version order (update i's jobs' sums are {@code sums.get(i)}):
     * the shards apply it to their ranges, then the server takes the versions one by one for the
     * reports; it stops at divergence (the shards forget what lies beyond). Returns the reports due.
     */
    public List<SgdReport> applyRound(List<Update> round, List<List<double[][]>> sums) {
        for (int i = 0; i < round.size(); i++) {
            if (round.get(i).from() != version + i) {
                throw new IllegalStateException("update of version " + round.get(i).from() + " applied at version "
                        + (version + i));
            }
        }
        applyOnShards(round, sums);
        List<SgdReport> reports = new ArrayList<>();
        for (Update u : round) {
            SgdReport r = advance(u, assemble(version + 1));
            if (r != null) {
                reports.add(r);
            }
            if (diverged) {
                for (ServerShard sh : shards) {
                    sh.rewindTo(version);
                }
                break;
            }
        }
        return reports;
    }

    private void applyOnShards(List<Update> round, List<List<double[][]>> sums) {
        if (pool == null) {
            shards[0].apply(round, sums);
            return;
        }
        List<Future<?>> others = new ArrayList<>();
        for (int i = 1; i < shards.length; i++) {
            ServerShard sh = shards[i];
            others.add(pool.submit(() -> sh.apply(round, sums)));
        }
        shards[0].apply(round, sums);
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the server shards applied a round", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Takes the next version {@code next} (already applied on the shards) into the report window. */
    private SgdReport advance(Update u, double[] next) {
        int d = x.length;
        double[] step = new double[d];
        for (int c = 0; c < d; c++) {
            step[c] = next[c] - x[c];
        }
        if (fitMomentum && version >= 1) {
            model.exactGradient(x, exact);
            MomentumFit.add(momentumSums, exact, lastStep, step);
        }
        lastStep = step;
        x = next;
        version++;
        time = u.time();
        for (GradientJob j : u.jobs()) {
            windowStale.merge(((long) j.worker() << 32) | (u.from() - j.pulled()), 1L, Long::sum);
        }
        double sq = squaredError(x);
        windowSq += sq;
        windowN++;
        if (!(sq < DIVERGED_SQUARED_NORM)) {
            diverged = true;
        }
        return diverged || version % s.reportEvery() == 0 || version == s.versions() ? report() : null;
    }

    /** |x − x*|² (|x|² when the optimum is unknown, for the divergence check). */
    private double squaredError(double[] p) {
        double sq = 0;
        for (int c = 0; c < p.length; c++) {
            double e = optimum == null ? p[c] : p[c] - optimum[c];
            sq += e * e;
        }
        return sq;
    }

    private SgdReport report() {
        long[] st = new long[3 * windowStale.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : windowStale.entrySet()) {
            st[i++] = e.getKey() >>> 32;
            st[i++] = e.getKey() & 0xFFFFFFFFL;
            st[i++] = e.getValue();
        }
        double[] head = java.util.Arrays.copyOf(x, Math.min(x.length, SgdReport.COORDINATES));
        SgdReport r = new SgdReport(version, time, model.loss(x), optimum == null ? Double.NaN : windowSq / windowN,
                windowN, head, st, fitMomentum ? momentumSums.clone() : new double[0]);
        java.util.Arrays.fill(momentumSums, 0);
        windowSq = 0;
        windowN = 0;
        windowStale.clear();
        return r;
    }

    /** The server's state at a barrier: version, time, x, velocity, kept versions, the report window. */
    public List<StateArray> state() {
        int d = x.length;
        long[] versions = shards[0].keptVersions();
        double[] kept = new double[versions.length * d];
        double[] velocity = new double[d];
        for (ServerShard sh : shards) {
            for (int v = 0; v < versions.length; v++) {
                System.arraycopy(sh.slice(versions[v]), 0, kept, v * d + sh.first(), sh.size());
            }
            System.arraycopy(sh.velocity(), 0, velocity, sh.first(), sh.size());
        }
        long[] stale = new long[2 * windowStale.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : windowStale.entrySet()) {
            stale[i++] = e.getKey();
            stale[i++] = e.getValue();
        }
        List<StateArray> out = new ArrayList<>();
        out.add(StateArray.of("server_version", 2, new long[]{version, windowN}));
        out.add(StateArray.of("server_time", 2, new double[]{time, windowSq}));
        out.add(StateArray.of("server_velocity", d, velocity));
        out.add(StateArray.of("server_last_step", d, lastStep.clone()));
        out.add(StateArray.of("window_momentum_fit", MomentumFit.SUMS, momentumSums.clone()));
        out.add(StateArray.of("kept_versions", 1, versions));
        out.add(StateArray.of("kept_parameters", d, kept));
        if (stale.length > 0) {
            out.add(StateArray.of("window_staleness", 2, stale));
        }
        return out;
    }

    /** Restores {@link #state()} on a fresh server: the schedule is replayed to the version (it is cheap). */
    public void restore(List<StateArray> state) {
        long[] v = StateArray.named(state, "server_version").longs();
        double[] t = StateArray.named(state, "server_time").doubles();
        for (long k = 0; k < v[0]; k++) {
            schedule.next();
        }
        version = v[0];
        windowN = (int) v[1];
        time = t[0];
        windowSq = t[1];
        double[] velocity = StateArray.named(state, "server_velocity").doubles();
        lastStep = StateArray.named(state, "server_last_step").doubles().clone();
        System.arraycopy(StateArray.named(state, "window_momentum_fit").doubles(), 0, momentumSums, 0,
                MomentumFit.SUMS);
        long[] versions = StateArray.named(state, "kept_versions").longs();
        double[] kept = StateArray.named(state, "kept_parameters").doubles();
        int d = velocity.length;
        for (ServerShard sh : shards) {
            sh.restore(version, versions, kept, d, velocity);
        }
        pulled.clear();
        x = assemble(version);
        windowStale.clear();
        for (StateArray a : state) {
            if (a.name().equals("window_staleness")) {
                for (int i = 0; i < a.longs().length; i += 2) {
                    windowStale.put(a.longs()[i], a.longs()[i + 1]);
                }
            }
        }
    }
}
