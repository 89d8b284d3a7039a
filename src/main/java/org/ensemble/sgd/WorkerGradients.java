package org.ensemble.sgd;

/**
 * A worker's computation (no actors): the exact sum of its batch's per-sample gradients at the
 * parameters it pulled, slots worker·b … worker·b + b − 1 of draw {@code job.index()}, as one
 * expansion per coordinate (see {@link ExactSum}); or, for local SGD, its parameters after H steps
 * of its own (draws index·H … index·H + H − 1), one component per coordinate.
 */
public final class WorkerGradients {
    private final SgdModel model;
    private final int batch;
    private final int localSteps;
    private final double lr;
    private final double[] g;
    /** EASGD: each worker's own parameters (created from {@link #init} on first use), else null. */
    private final java.util.TreeMap<Integer, double[]> workers;
    private final double[] init;
    private final double elasticity;

    public WorkerGradients(SgdModel model, int batch) {
        this(model, batch, 0, 0);
    }

    private WorkerGradients(SgdModel model, int batch, int localSteps, double lr, double[] init, double elasticity) {
        this.model = model;
        this.batch = batch;
        this.localSteps = localSteps;
        this.lr = lr;
        this.g = new double[model.dimension()];
        this.workers = new java.util.TreeMap<>();
        this.init = init.clone();
        this.elasticity = elasticity;
    }

    /** {@code localSteps} = 0: gradients; ≥ 1: local SGD with step {@code lr}. */
    public WorkerGradients(SgdModel model, int batch, int localSteps, double lr) {
        this.model = model;
        this.batch = batch;
        this.localSteps = localSteps;
        this.lr = lr;
        this.g = new double[model.dimension()];
        this.workers = null;
        this.init = null;
        this.elasticity = 0;
    }

    /** What the settings ask a worker to compute. */
    public static WorkerGradients of(SgdModel model, SgdSettings s) {
        return switch (s.algorithm()) {
            case LOCAL_SGD -> new WorkerGradients(model, s.batch(), s.localSteps(), s.lr());
            case EASGD -> new WorkerGradients(model, s.batch(), s.localSteps(), s.lr(), s.init(), s.elasticity());
            default -> new WorkerGradients(model, s.batch());
        };
    }

    /** Whether workers keep parameters of their own between rounds (EASGD). */
    public boolean stateful() {
        return workers != null;
    }

    /** Worker {@code w}'s own parameters (EASGD; the initial ones before its first round). */
    public double[] parameters(int w) {
        return workers.computeIfAbsent(w, k -> init.clone());
    }

    /** Replaces worker {@code w}'s own parameters (a checkpoint's row). */
    public void restore(int w, double[] x) {
        workers.put(w, x.clone());
    }

    public double[][] sum(GradientJob job, double[] x) {
        if (workers != null) {
            return elastic(job, x);
        }
        return localSteps > 0 ? local(job, x) : gradientSum(job.index(), job.worker(), x);
    }

    /**
     * EASGD: answers the worker's parameters as they are (the center moves by α Σ(x_i − x̃) with them),
     * then moves them toward the center x̃, x_i ← x_i − α(x_i − x̃), and takes H local steps.
     */
    private double[][] elastic(GradientJob job, double[] center) {
        int d = g.length;
        double[] x = parameters(job.worker());
        double[][] out = new double[d][];
        double[] pulled = new double[d];
        for (int c = 0; c < d; c++) {
            out[c] = new double[]{x[c]};
            pulled[c] = x[c] - elasticity * (x[c] - center[c]);
        }
        double[][] after = local(job, pulled);
        double[] next = new double[d];
        for (int c = 0; c < d; c++) {
            next[c] = after[c][0];
        }
        workers.put(job.worker(), next);
        return out;
    }

    /**
     * H steps x ← x − η·(exact batch sum)/b from the pulled parameters: with M = 1 this is plain SGD of
     * batch b, bit for bit (the same formula and samples as the server's update).
     */
    private double[][] local(GradientJob job, double[] pulled) {
        int d = g.length;
        double[] x = pulled.clone();
        for (int h = 0; h < localSteps; h++) {
            double[][] sum = gradientSum(job.index() * localSteps + h, job.worker(), x);
            double[] next = new double[d];
            for (int c = 0; c < d; c++) {
                ExactSum e = new ExactSum();
                e.addAll(sum[c]);
                next[c] = x[c] - lr * (e.value() / batch);
            }
            x = next;
        }
        double[][] out = new double[d][];
        for (int c = 0; c < d; c++) {
            out[c] = new double[]{x[c]};
        }
        return out;
    }

    private double[][] gradientSum(long index, int worker, double[] x) {
        int d = g.length;
        double[][] out = new double[d][];
        if (batch == 1) {
            model.gradient(x, index, worker, g);
            for (int c = 0; c < d; c++) {
                out[c] = new double[]{g[c]};
            }
            return out;
        }
        ExactSum[] sums = new ExactSum[d];
        for (int c = 0; c < d; c++) {
            sums[c] = new ExactSum();
        }
        for (int i = 0; i < batch; i++) {
            model.gradient(x, index, worker * batch + i, g);
            for (int c = 0; c < d; c++) {
                sums[c].add(g[c]);
            }
        }
        for (int c = 0; c < d; c++) {
            out[c] = sums[c].expansion();
        }
        return out;
    }
}
