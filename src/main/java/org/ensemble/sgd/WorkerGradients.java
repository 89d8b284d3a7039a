package org.ensemble.sgd;

/**
 * A worker's computation (no actors): the exact sum of its batch's per-sample gradients at the
 * parameters it pulled, slots worker·b … worker·b + b − 1 of draw {@code job.index()}, as one
 * expansion per coordinate (see {@link ExactSum}).
 */
public final class WorkerGradients {
    private final SgdModel model;
    private final int batch;
    private final double[] g;

    public WorkerGradients(SgdModel model, int batch) {
        this.model = model;
        this.batch = batch;
        this.g = new double[model.dimension()];
    }

    public double[][] sum(GradientJob job, double[] x) {
        int d = g.length;
        double[][] out = new double[d][];
        if (batch == 1) {
            model.gradient(x, job.index(), job.worker(), g);
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
            model.gradient(x, job.index(), job.worker() * batch + i, g);
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
