package org.ensemble.failures;

/** Mean and standard error (sd/√n; 0 for one value) of a few per-seed numbers. */
record MeanSe(double mean, double se, int n) {
    static MeanSe of(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return new MeanSe(m, v.length > 1 ? Math.sqrt(ss / (v.length - 1) / v.length) : 0, v.length);
    }
}
