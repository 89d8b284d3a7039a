package org.ensemble.theory;

import java.util.function.DoubleUnaryOperator;

/** 10-point Gauss–Legendre quadrature on one interval (exact for polynomials of degree ≤ 19). */
public final class GaussLegendre {
    private static final double[] NODES = {
        -0.9739065285171717, -0.8650633666889845, -0.6794095682990244, -0.4333953941292472, -0.1488743389816312,
        0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845, 0.9739065285171717};
    private static final double[] WEIGHTS = {
        0.0666713443086881, 0.1494513491505806, 0.2190863625159820, 0.2692667193099963, 0.2955242247147529,
        0.2955242247147529, 0.2692667193099963, 0.2190863625159820, 0.1494513491505806, 0.0666713443086881};

    private GaussLegendre() {
    }

    /** Node i on [−1, 1]. */
    public static double node(int i) {
        return NODES[i];
    }

    /** Weight of node i. */
    public static double weight(int i) {
        return WEIGHTS[i];
    }

    public static int points() {
        return NODES.length;
    }

    public static double integrate(DoubleUnaryOperator f, double a, double b) {
        double mid = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double s = 0;
        for (int i = 0; i < NODES.length; i++) {
            s += WEIGHTS[i] * f.applyAsDouble(mid + half * NODES[i]);
        }
        return s * half;
    }
}
