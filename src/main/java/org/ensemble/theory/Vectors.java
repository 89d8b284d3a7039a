package org.ensemble.theory;

/** Small dense-vector helpers shared by the searches (no state). */
final class Vectors {
    private Vectors() {
    }

    static double norm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double dist(double[] p, double[] q) {
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            s += (p[c] - q[c]) * (p[c] - q[c]);
        }
        return Math.sqrt(s);
    }

    static double dot(double[] p, double[] q) {
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            s += p[c] * q[c];
        }
        return s;
    }

    /** Largest |x_c|, at least 1: the length scale that relative steps and tolerances use. */
    static double scale(double[] x) {
        double s = 1;
        for (double c : x) {
            s = Math.max(s, Math.abs(c));
        }
        return s;
    }
}
