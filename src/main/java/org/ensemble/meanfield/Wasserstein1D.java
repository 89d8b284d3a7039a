package org.ensemble.meanfield;

/**
 * Exact W1 and W2 in 1-D between an empirical measure (sorted sample) and a piecewise-constant
 * density on cells, through quantile functions: W_p^p = ∫₀¹ |Q_sample(u) − Q_density(u)|^p du, with
 * Q_sample a step function and Q_density piecewise linear; the integral is done segment by
 * segment in closed form over the merged breakpoints.
 */
public final class Wasserstein1D {
    private Wasserstein1D() {
    }

    /** {W1, W2}. {@code edges} has cells + 1 entries; {@code density} is per unit length, mass 1. */
    public static double[] distances(double[] sorted, double[] edges, double[] density) {
        int n = sorted.length;
        int cells = density.length;
        if (n == 0 || edges.length != cells + 1) {
            throw new IllegalArgumentException("need a non-empty sample and cells + 1 edges");
        }
        double total = 0;
        for (int j = 0; j < cells; j++) {
            total += density[j] * (edges[j + 1] - edges[j]);
        }
        double w1 = 0;
        double w2 = 0;
        int k = 0;
        int j = 0;
        double u = 0;
        double cdfAtCell = 0;
        while (j < cells && density[j] <= 0) {
            j++;
        }
        while (k < n && j < cells) {
            double massJ = density[j] * (edges[j + 1] - edges[j]) / total;
            double uCellEnd = cdfAtCell + massJ;
            double uSampleEnd = (k + 1.0) / n;
            double end = Math.min(uCellEnd, uSampleEnd);
            if (end > u) {
                // Q_density(u) = edges[j] + (u − cdfAtCell)·(width / massJ): linear in u.
                double slope = (edges[j + 1] - edges[j]) / massJ;
                double q0 = edges[j] + (u - cdfAtCell) * slope;
                double q1 = edges[j] + (end - cdfAtCell) * slope;
                double x = sorted[k];
                double d0 = x - q0;
                double d1 = x - q1;
                double len = end - u;
                w2 += len * (d0 * d0 + d0 * d1 + d1 * d1) / 3;
                w1 += len * absLinearMean(d0, d1);
                u = end;
            }
            if (uSampleEnd <= uCellEnd) {
                k++;
            }
            if (uCellEnd <= uSampleEnd) {
                cdfAtCell = uCellEnd;
                j++;
                while (j < cells && density[j] <= 0) {
                    j++;
                }
            }
        }
        return new double[] {w1, Math.sqrt(w2)};
    }

    /** Mean of |d| over a segment where d goes linearly from d0 to d1. */
    static double absLinearMean(double d0, double d1) {
        if (d0 * d1 >= 0) {
            return 0.5 * Math.abs(d0 + d1);
        }
        // Sign change: the two triangles.
        return 0.5 * (d0 * d0 + d1 * d1) / (Math.abs(d0) + Math.abs(d1));
    }
}
