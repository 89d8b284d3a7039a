package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ensemble.step.StateArray;

/**
 * The parameter server's numerics (no actors), used by the reducer and by the plain loop alike:
 * plans rounds from the {@link PushSchedule} (the updates whose jobs pulled versions the server
 * already has), keeps the versions still being computed on, applies updates in version order
 * (x ← x − η ĝ, ĝ the exact mean of the update's gradients, DC-ASGD's correction and momentum
 * v ← μv − ηĝ, x ← x + v) and folds what reports need.
 */
public final class SgdServer {
    /** Beyond this |x|² the parameters are taken as diverged (before they overflow). */
    static final double DIVERGED_SQUARED_NORM = 1e200;

    private final SgdSettings s;
    private final SgdModel model;
    private final PushSchedule schedule;
    private final double[] optimum;
    private final TreeMap<Long, double[]> history = new TreeMap<>();
    private Update peeked;
    private double[] x;
    private double[] velocity;
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
        this.velocity = new double[x.length];
        this.exact = new double[x.length];
        this.fitMomentum = model.exactGradient(x, exact);
        this.lastStep = new double[x.length];
        history.put(0L, x);
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
        double[] p = history.get(v);
        if (p == null) {
            throw new IllegalStateException("version " + v + " is no longer kept (server at " + version + ")");
        }
        return p;
    }

    /** Forgets the parameters of versions before {@code v} (no job still computes on them; wall timing). */
    public void keepFrom(long v) {
        history.headMap(Math.min(v, version)).clear();
    }

    /** The next round: up to {@code max} updates whose jobs pulled versions ≤ the current one. */
    public List<Update> plan(int max) {
        long keep = Math.min(version, schedule.oldestPulled());
        if (peeked != null) {
            keep = Math.min(keep, peeked.pulled());
        }
        history.headMap(keep).clear();
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
        if (u.from() != version) {
            throw new IllegalStateException("update of version " + u.from() + " applied at version " + version);
        }
        int d = x.length;
        double samples = (double) u.jobs().size() * s.batch();
        double[] stale = s.algorithm() == Algorithm.DC_ASGD ? parameters(u.pulled()) : null;
        double[] next = new double[d];
        for (int c = 0; c < d; c++) {
            ExactSum sum = new ExactSum();
            for (double[][] g : sums) {
                sum.addAll(g[c]);
            }
            if (s.algorithm() == Algorithm.LOCAL_SGD) {
                next[c] = sum.value() / u.jobs().size(); // the mean of the workers' parameters
                continue;
            }
            if (s.algorithm() == Algorithm.EASGD) {
                next[c] = x[c] + s.elasticity() * (sum.value() - u.jobs().size() * x[c]); // x̃ + α Σ(x_i − x̃)
                continue;
            }
            double g = sum.value() / samples;
            if (stale != null) {
                g += s.dcLambda() * g * g * (x[c] - stale[c]);
            }
            if (s.momentum() != 0) {
                velocity[c] = s.momentum() * velocity[c] - s.lr() * g;
                next[c] = x[c] + velocity[c];
            } else {
                next[c] = x[c] - s.lr() * g;
            }
        }
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
        history.put(version, x);
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
        long[] versions = new long[history.size()];
        double[] kept = new double[history.size() * d];
        int i = 0;
        for (Map.Entry<Long, double[]> e : history.entrySet()) {
            versions[i] = e.getKey();
            System.arraycopy(e.getValue(), 0, kept, i++ * d, d);
        }
        long[] stale = new long[2 * windowStale.size()];
        i = 0;
        for (Map.Entry<Long, Long> e : windowStale.entrySet()) {
            stale[i++] = e.getKey();
            stale[i++] = e.getValue();
        }
        List<StateArray> out = new ArrayList<>();
        out.add(StateArray.of("server_version", 2, new long[]{version, windowN}));
        out.add(StateArray.of("server_time", 2, new double[]{time, windowSq}));
        out.add(StateArray.of("server_velocity", d, velocity.clone()));
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
        velocity = StateArray.named(state, "server_velocity").doubles().clone();
        lastStep = StateArray.named(state, "server_last_step").doubles().clone();
        System.arraycopy(StateArray.named(state, "window_momentum_fit").doubles(), 0, momentumSums, 0,
                MomentumFit.SUMS);
        long[] versions = StateArray.named(state, "kept_versions").longs();
        double[] kept = StateArray.named(state, "kept_parameters").doubles();
        int d = velocity.length;
        history.clear();
        for (int i = 0; i < versions.length; i++) {
            history.put(versions[i], java.util.Arrays.copyOfRange(kept, i * d, (i + 1) * d));
        }
        x = history.get(version);
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
