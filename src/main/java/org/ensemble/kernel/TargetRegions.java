package org.ensemble.kernel;

/**
 * Escape-target tests as kernels evaluate them: targets encoded as a type code and four
 * parameters each (kernels cannot hold objects).
 */
public final class TargetRegions {
    /** x[axis] ≥ threshold; params = [axis, threshold, 0, 0]. */
    public static final int HALF_SPACE_ABOVE = 1;
    /** x[axis] ≤ threshold; params = [axis, threshold, 0, 0]. */
    public static final int HALF_SPACE_BELOW = 2;
    /** |x − center|² ≤ radius²; params = [c0, c1, c2, radius²]. */
    public static final int BALL = 3;
    public static final int STRIDE = 4;

    private TargetRegions() {
    }

    /** Index of the first target containing (x0, x1, x2), or −1. */
    public static int firstContaining(double x0, double x1, double x2, int count, int[] types, double[] params) {
        int hit = -1;
        for (int t = count - 1; t >= 0; t--) {
            if (contains(types[t], t * STRIDE, x0, x1, x2, params)) {
                hit = t;
            }
        }
        return hit;
    }

    public static boolean contains(int type, int o, double x0, double x1, double x2, double[] p) {
        boolean in = false;
        if (type == HALF_SPACE_ABOVE || type == HALF_SPACE_BELOW) {
            int axis = (int) p[o];
            double v = axis == 0 ? x0 : (axis == 1 ? x1 : x2);
            in = type == HALF_SPACE_ABOVE ? v >= p[o + 1] : v <= p[o + 1];
        } else if (type == BALL) {
            double d0 = x0 - p[o];
            double d1 = x1 - p[o + 1];
            double d2 = x2 - p[o + 2];
            in = d0 * d0 + d1 * d1 + d2 * d2 <= p[o + 3];
        }
        return in;
    }
}
