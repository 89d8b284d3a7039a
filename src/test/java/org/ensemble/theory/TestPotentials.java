package org.ensemble.theory;

import org.ensemble.potential.Potential;

/** Small closed-form potentials for tests. */
final class TestPotentials {
    private TestPotentials() {
    }

    /** V = ½ xᵀAx with a symmetric A: Hessian A everywhere. */
    static Potential quadratic(double[][] a) {
        return new Potential() {
            public int dimension() {
                return a.length;
            }

            public double energy(double[] x) {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < a.length; j++) {
                        s += 0.5 * x[i] * a[i][j] * x[j];
                    }
                }
                return s;
            }

            public void gradient(double[] x, double[] out) {
                for (int i = 0; i < a.length; i++) {
                    out[i] = 0;
                    for (int j = 0; j < a.length; j++) {
                        out[i] += a[i][j] * x[j];
                    }
                }
            }
        };
    }

    /**
     * V = (x² − 1)² + ky·y² + kz·z² in 3-D: the double well with two stiff transverse directions.
     * Minima (±1, 0, 0) with Hessian diag(8, 2ky, 2kz), saddle 0 with diag(−4, 2ky, 2kz): the
     * transverse factors cancel in Eyring–Kramers, which must give the 1-D τ_K.
     */
    static Potential doubleWell3D(double ky, double kz) {
        return new Potential() {
            public int dimension() {
                return 3;
            }

            public double energy(double[] x) {
                double u = x[0] * x[0] - 1;
                return u * u + ky * x[1] * x[1] + kz * x[2] * x[2];
            }

            public void gradient(double[] x, double[] out) {
                out[0] = 4 * x[0] * (x[0] * x[0] - 1);
                out[1] = 2 * ky * x[1];
                out[2] = 2 * kz * x[2];
            }
        };
    }

    /** V = x in 1-D: no minimum, and e^{−βV} not integrable on the left. */
    static Potential slope() {
        return new Potential() {
            public int dimension() {
                return 1;
            }

            public double energy(double[] x) {
                return x[0];
            }

            public void gradient(double[] x, double[] out) {
                out[0] = 1;
            }
        };
    }

    /**
     * Critical points of the tilted double well (x² − 1)² + t·x: the roots of 4x³ − 4x + t = 0, by
     * the trigonometric formula for three real roots (|t| < 8/(3√3)): {left minimum, saddle, right minimum}.
     */
    static double[] tiltedCriticalPoints(double t) {
        double q = t / 4; // x³ − x + q = 0
        double r = 2 / Math.sqrt(3);
        double phi = Math.acos(-1.5 * q * Math.sqrt(3)) / 3;
        double right = r * Math.cos(phi);
        double left = r * Math.cos(phi - 2 * Math.PI / 3);
        double middle = r * Math.cos(phi - 4 * Math.PI / 3);
        double[] roots = {left, middle, right};
        java.util.Arrays.sort(roots);
        return roots;
    }
}
