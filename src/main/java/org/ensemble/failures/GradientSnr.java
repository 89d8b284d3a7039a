package org.ensemble.failures;

import org.ensemble.data.DataSource;

/**
 * The signal-to-noise ratio of the label-dependent part of the square-loss gradient at a network: with
 * ∇L = E[f∇f] − E[y∇f], the part that carries the target is g = y∇f(x) per sample, and
 * SNR = ‖E g‖² / E‖g − E g‖² (what one sample tells about the target against its scatter). Estimated from
 * n held-out samples dealt into G groups: ‖E g‖² by the unbiased U-statistic over pairs of group means
 * (‖Σ ḡ_b‖² − Σ‖ḡ_b‖²)/(G(G − 1)) — without the 1/n noise floor of ‖ḡ‖² — and its SE by the jackknife over groups;
 * the noise by the pooled sample variance.
 */
final class GradientSnr {
    private static final int GROUPS = 20;
    /** Held-out indices from here on: disjoint from the held-out set the risks are measured on. */
    static final long FIRST_SAMPLE = 1L << 40;

    private GradientSnr() {
    }

    record Result(double signal, double signalSe, double noise, double snr, double snrSe, int samples) {
    }

    static Result measure(TwoLayerNetwork net, DataSource data, int samples) {
        int p = net.parameters();
        int per = samples / GROUPS;
        if (per < 2) {
            throw new IllegalArgumentException("need at least " + 2 * GROUPS + " samples, got " + samples);
        }
        double[][] groupMean = new double[GROUPS][p];
        double[] total = new double[p];
        double sumSq = 0;
        double[] x = new double[data.dimension()];
        double[] grad = new double[p];
        for (int g = 0; g < GROUPS; g++) {
            for (int j = 0; j < per; j++) {
                double y = data.testSample(FIRST_SAMPLE + (long) g * per + j, x);
                net.gradient(x, grad);
                for (int q = 0; q < p; q++) {
                    double v = y * grad[q];
                    groupMean[g][q] += v / per;
                    sumSq += v * v;
                }
            }
            for (int q = 0; q < p; q++) {
                total[q] += groupMean[g][q];
            }
        }
        int n = per * GROUPS;
        double signal = pairs(groupMean, total, -1);
        double[] jack = new double[GROUPS];
        double jackMean = 0;
        for (int g = 0; g < GROUPS; g++) {
            jack[g] = pairs(groupMean, total, g);
            jackMean += jack[g] / GROUPS;
        }
        double jv = 0;
        for (double v : jack) {
            jv += (v - jackMean) * (v - jackMean);
        }
        double signalSe = Math.sqrt((GROUPS - 1.0) / GROUPS * jv);
        double meanSq = 0;
        for (int q = 0; q < p; q++) {
            double m = total[q] / GROUPS;
            meanSq += m * m;
        }
        double noise = (sumSq - n * meanSq) / (n - 1);
        return new Result(signal, signalSe, noise, signal / noise, signalSe / noise, n);
    }

    /** (‖Σ ḡ_b‖² − Σ‖ḡ_b‖²)/(G′(G′ − 1)) over the groups but {@code leave} (−1: none). */
    private static double pairs(double[][] groupMean, double[] total, int leave) {
        int groups = leave < 0 ? GROUPS : GROUPS - 1;
        double all = 0;
        double own = 0;
        for (int q = 0; q < total.length; q++) {
            double t = total[q] - (leave < 0 ? 0 : groupMean[leave][q]);
            all += t * t;
        }
        for (int g = 0; g < GROUPS; g++) {
            if (g == leave) {
                continue;
            }
            for (double v : groupMean[g]) {
                own += v * v;
            }
        }
        return (all - own) / ((double) groups * (groups - 1));
    }
}
