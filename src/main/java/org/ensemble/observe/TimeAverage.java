package org.ensemble.observe;

import java.util.List;

/**
 * The time average of an autocorrelated series with its standard error sqrt(var·τ/n), τ the
 * integrated autocorrelation time 1 + 2Σρ_k summed until the first non-positive ρ_k (Geyer's
 * initial positive sequence, simplest form). Batch means with a fixed number of batches
 * under-estimated the SE when batches were not much longer than the correlation time (seen: a
 * symmetric mean at −3 "SE" from 0).
 *
 * @param tau integrated autocorrelation time, in samples
 */
public record TimeAverage(double mean, double standardError, double tau, int points) {
    public static TimeAverage of(List<Double> values) {
        int n = values.size();
        if (n < 10) {
            throw new IllegalArgumentException("need at least 10 points for a time average, got " + n);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        var /= n;
        double tau = 1;
        if (var > 0) {
            for (int k = 1; k < n / 2; k++) {
                double c = 0;
                for (int i = 0; i + k < n; i++) {
                    c += (values.get(i) - mean) * (values.get(i + k) - mean);
                }
                double rho = c / (n * var);
                if (rho <= 0) {
                    break;
                }
                tau += 2 * rho;
            }
        }
        return new TimeAverage(mean, Math.sqrt(var * tau / n), tau, n);
    }
}
