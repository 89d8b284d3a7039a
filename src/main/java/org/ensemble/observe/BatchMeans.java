package org.ensemble.observe;

import java.util.List;

/**
 * The time average of a correlated series and its standard error by batch means: the series is cut
 * into {@code batches} consecutive batches whose means are close to independent when a batch is
 * much longer than the correlation time.
 */
public record BatchMeans(double mean, double standardError, int points) {
    public static BatchMeans of(List<Double> values, int batches) {
        int n = values.size();
        if (n < 2 * batches) {
            throw new IllegalArgumentException("need at least " + 2 * batches + " points for " + batches + " batches, got "
                    + n);
        }
        int size = n / batches;
        double[] bm = new double[batches];
        double total = 0;
        for (int b = 0; b < batches; b++) {
            double s = 0;
            for (int i = b * size; i < (b + 1) * size; i++) {
                s += values.get(i);
            }
            bm[b] = s / size;
            total += bm[b];
        }
        double mean = total / batches;
        double ss = 0;
        for (double v : bm) {
            ss += (v - mean) * (v - mean);
        }
        return new BatchMeans(mean, Math.sqrt(ss / (batches - 1) / batches), batches * size);
    }
}
