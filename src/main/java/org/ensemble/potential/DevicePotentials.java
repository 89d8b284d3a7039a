package org.ensemble.potential;

/**
 * Energies and gradients of the built-in potentials as static scalar functions, written in
 * the subset of Java that Aparapi translates to OpenCL: no objects, no switch, scalar
 * arguments and results, parameters in a global {@code double[]}. Kernels call these with up
 * to three coordinates held in registers; the {@link Potential} classes call the same
 * functions, so both paths compute identical numbers.
 */
public final class DevicePotentials {
    /** V = ½ Σ k_c (x_c − m_c)²; params = [k0, k1, k2, m0, m1, m2]. */
    public static final int HARMONIC = 1;
    /** V = (x² − 1)² + tilt·x in 1-D; params = [tilt]. */
    public static final int DOUBLE_WELL = 2;
    /** Müller–Brown with the standard constants, multiplied by params = [scale]. */
    public static final int MULLER_BROWN = 3;

    /** Most coordinates a kernel keeps in registers. */
    public static final int MAX_KERNEL_DIMENSION = 3;

    // Müller–Brown constants (Müller & Brown 1979).
    static final double MB_A0 = -200, MB_A1 = -100, MB_A2 = -170, MB_A3 = 15;
    static final double MB_a0 = -1, MB_a1 = -1, MB_a2 = -6.5, MB_a3 = 0.7;
    static final double MB_b0 = 0, MB_b1 = 0, MB_b2 = 11, MB_b3 = 0.6;
    static final double MB_c0 = -10, MB_c1 = -10, MB_c2 = -6.5, MB_c3 = 0.7;
    static final double MB_X0 = 1, MB_X1 = 0, MB_X2 = -0.5, MB_X3 = -1;
    static final double MB_Y0 = 0, MB_Y1 = 0.5, MB_Y2 = 1.5, MB_Y3 = 1;

    private DevicePotentials() {
    }

    /** V at (x0, x1, x2); unused coordinates are ignored. */
    public static double energy(int type, double x0, double x1, double x2, double[] p) {
        double v = 0.0;
        if (type == HARMONIC) {
            double d0 = x0 - p[3];
            double d1 = x1 - p[4];
            double d2 = x2 - p[5];
            v = 0.5 * (p[0] * d0 * d0 + p[1] * d1 * d1 + p[2] * d2 * d2);
        } else if (type == DOUBLE_WELL) {
            double q = x0 * x0 - 1.0;
            v = q * q + p[0] * x0;
        } else if (type == MULLER_BROWN) {
            v = p[0] * (mbTerm(MB_A0, MB_a0, MB_b0, MB_c0, MB_X0, MB_Y0, x0, x1)
                    + mbTerm(MB_A1, MB_a1, MB_b1, MB_c1, MB_X1, MB_Y1, x0, x1)
                    + mbTerm(MB_A2, MB_a2, MB_b2, MB_c2, MB_X2, MB_Y2, x0, x1)
                    + mbTerm(MB_A3, MB_a3, MB_b3, MB_c3, MB_X3, MB_Y3, x0, x1));
        }
        return v;
    }

    /** ∂V/∂x0. */
    public static double grad0(int type, double x0, double x1, double x2, double[] p) {
        return gradient0(type, x0, x1, x2, p, mbExp(type, 0, x0, x1), mbExp(type, 1, x0, x1), mbExp(type, 2, x0, x1),
                mbExp(type, 3, x0, x1));
    }

    /** ∂V/∂x1. */
    public static double grad1(int type, double x0, double x1, double x2, double[] p) {
        return gradient1(type, x0, x1, x2, p, mbExp(type, 0, x0, x1), mbExp(type, 1, x0, x1), mbExp(type, 2, x0, x1),
                mbExp(type, 3, x0, x1));
    }

    /** ∂V/∂x2. */
    public static double grad2(int type, double x0, double x1, double x2, double[] p) {
        return gradient2(type, x0, x1, x2, p);
    }

    /**
     * e^{exponent k} of the Müller–Brown terms (0 for other potentials). Aparapi translates
     * {@code Math} calls only inside the kernel class itself, so device kernels compute these four
     * exponentials themselves from {@link #mbExponent} and pass them to {@link #gradient0}: both
     * paths then evaluate the same expressions.
     */
    static double mbExp(int type, int k, double x0, double x1) {
        return type == MULLER_BROWN ? Math.exp(mbExponent(k, x0, x1)) : 0.0;
    }

    /** a_k dx² + b_k dx dy + c_k dy² of Müller–Brown term k. */
    public static double mbExponent(int k, double x0, double x1) {
        double dx = x0 - mbX(k);
        double dy = x1 - mbY(k);
        return mbA(k) * dx * dx + mbB(k) * dx * dy + mbC(k) * dy * dy;
    }

    /** ∂V/∂x0 given the Müller–Brown exponentials e_k (ignored for other potentials). */
    public static double gradient0(int type, double x0, double x1, double x2, double[] p, double e0, double e1,
                                   double e2, double e3) {
        double g = 0.0;
        if (type == HARMONIC) {
            g = p[0] * (x0 - p[3]);
        } else if (type == DOUBLE_WELL) {
            g = 4.0 * x0 * (x0 * x0 - 1.0) + p[0];
        } else if (type == MULLER_BROWN) {
            g = p[0] * (mbDx(0, x0, x1, e0) + mbDx(1, x0, x1, e1) + mbDx(2, x0, x1, e2) + mbDx(3, x0, x1, e3));
        }
        return g;
    }

    /** ∂V/∂x1 given the Müller–Brown exponentials. */
    public static double gradient1(int type, double x0, double x1, double x2, double[] p, double e0, double e1,
                                   double e2, double e3) {
        double g = 0.0;
        if (type == HARMONIC) {
            g = p[1] * (x1 - p[4]);
        } else if (type == MULLER_BROWN) {
            g = p[0] * (mbDy(0, x0, x1, e0) + mbDy(1, x0, x1, e1) + mbDy(2, x0, x1, e2) + mbDy(3, x0, x1, e3));
        }
        return g;
    }

    /** ∂V/∂x2. */
    public static double gradient2(int type, double x0, double x1, double x2, double[] p) {
        double g = 0.0;
        if (type == HARMONIC) {
            g = p[2] * (x2 - p[5]);
        }
        return g;
    }

    static double mbDx(int k, double x, double y, double e) {
        double dx = x - mbX(k);
        double dy = y - mbY(k);
        return mbAmp(k) * e * (2.0 * mbA(k) * dx + mbB(k) * dy);
    }

    static double mbDy(int k, double x, double y, double e) {
        double dx = x - mbX(k);
        double dy = y - mbY(k);
        return mbAmp(k) * e * (mbB(k) * dx + 2.0 * mbC(k) * dy);
    }

    // Constants by term index, as if-chains: kernels cannot read static arrays.
    static double mbAmp(int k) {
        return k == 0 ? MB_A0 : (k == 1 ? MB_A1 : (k == 2 ? MB_A2 : MB_A3));
    }

    static double mbA(int k) {
        return k == 0 ? MB_a0 : (k == 1 ? MB_a1 : (k == 2 ? MB_a2 : MB_a3));
    }

    static double mbB(int k) {
        return k == 0 ? MB_b0 : (k == 1 ? MB_b1 : (k == 2 ? MB_b2 : MB_b3));
    }

    static double mbC(int k) {
        return k == 0 ? MB_c0 : (k == 1 ? MB_c1 : (k == 2 ? MB_c2 : MB_c3));
    }

    static double mbX(int k) {
        return k == 0 ? MB_X0 : (k == 1 ? MB_X1 : (k == 2 ? MB_X2 : MB_X3));
    }

    static double mbY(int k) {
        return k == 0 ? MB_Y0 : (k == 1 ? MB_Y1 : (k == 2 ? MB_Y2 : MB_Y3));
    }

    static double mbTerm(double amp, double a, double b, double c, double xc, double yc,
                                 double x, double y) {
        double dx = x - xc;
        double dy = y - yc;
        return amp * Math.exp(a * dx * dx + b * dx * dy + c * dy * dy);
    }

}
