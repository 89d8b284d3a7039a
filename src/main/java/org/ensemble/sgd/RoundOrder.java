package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A round as the step order's field (the kind's own contract): the parameter versions the round's
 * jobs pulled, then the jobs. Layout: d, n_v, n_v × (version, x_1 … x_d), n_j, n_j × (worker,
 * index, version); integers below 2^53 are exact as doubles.
 */
public record RoundOrder(TreeMap<Long, double[]> parameters, List<GradientJob> jobs) {
    public static RoundOrder of(List<Update> round, SgdServer server) {
        TreeMap<Long, double[]> p = new TreeMap<>();
        List<GradientJob> jobs = new ArrayList<>();
        for (Update u : round) {
            for (GradientJob j : u.jobs()) {
                p.computeIfAbsent(j.pulled(), server::parameters);
                jobs.add(j);
            }
        }
        return new RoundOrder(p, jobs);
    }

    public double[] encode() {
        int d = parameters.isEmpty() ? 0 : parameters.firstEntry().getValue().length;
        double[] f = new double[3 + parameters.size() * (1 + d) + 3 * jobs.size()];
        int i = 0;
        f[i++] = d;
        f[i++] = parameters.size();
        for (var e : parameters.entrySet()) {
            f[i++] = e.getKey();
            System.arraycopy(e.getValue(), 0, f, i, d);
            i += d;
        }
        f[i++] = jobs.size();
        for (GradientJob j : jobs) {
            f[i++] = j.worker();
            f[i++] = j.index();
            f[i++] = j.pulled();
        }
        return f;
    }

    public static RoundOrder decode(double[] f) {
        int i = 0;
        int d = (int) f[i++];
        int nv = (int) f[i++];
        TreeMap<Long, double[]> p = new TreeMap<>();
        for (int k = 0; k < nv; k++) {
            long v = (long) f[i++];
            p.put(v, java.util.Arrays.copyOfRange(f, i, i + d));
            i += d;
        }
        int nj = (int) f[i++];
        List<GradientJob> jobs = new ArrayList<>(nj);
        for (int k = 0; k < nj; k++) {
            jobs.add(new GradientJob((int) f[i], (long) f[i + 1], (long) f[i + 2]));
            i += 3;
        }
        return new RoundOrder(p, jobs);
    }
}
