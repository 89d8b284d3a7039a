package org.ensemble.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The escape targets of a run in the flat form kernels read ({@link TargetRegions}), with their
 * names. Balls need the full centre for dimensions above three, so Java paths test membership
 * with {@link #firstContaining(double[])}; kernels only see targets of dimension ≤ 3.
 */
public final class EscapeTargets {
    private final List<String> names = new ArrayList<>();
    private final List<double[]> centers = new ArrayList<>();
    private final int dimension;
    private int[] types = new int[0];
    private double[] params = new double[0];

    public EscapeTargets(int dimension) {
        this.dimension = dimension;
    }

    public static EscapeTargets none(int dimension) {
        return new EscapeTargets(dimension);
    }

    public EscapeTargets halfSpace(String name, int axis, double threshold, boolean above) {
        if (axis < 0 || axis >= dimension) {
            throw new IllegalArgumentException("half-space axis " + axis + " outside 0.." + (dimension - 1));
        }
        add(name, above ? TargetRegions.HALF_SPACE_ABOVE : TargetRegions.HALF_SPACE_BELOW,
                new double[] {axis, threshold, 0, 0}, null);
        return this;
    }

    public EscapeTargets ball(String name, double[] center, double radius) {
        if (center.length != dimension) {
            throw new IllegalArgumentException("ball centre has " + center.length + " coordinates, expected " + dimension);
        }
        if (!(radius > 0)) {
            throw new IllegalArgumentException("ball radius must be positive, got " + radius);
        }
        double[] p = new double[4];
        for (int c = 0; c < Math.min(3, dimension); c++) {
            p[c] = center[c];
        }
        p[3] = radius * radius;
        add(name, TargetRegions.BALL, p, center.clone());
        return this;
    }

    private void add(String name, int type, double[] p, double[] center) {
        names.add(name);
        centers.add(center);
        int k = types.length;
        types = java.util.Arrays.copyOf(types, k + 1);
        types[k] = type;
        params = java.util.Arrays.copyOf(params, (k + 1) * TargetRegions.STRIDE);
        System.arraycopy(p, 0, params, k * TargetRegions.STRIDE, TargetRegions.STRIDE);
    }

    public int dimension() {
        return dimension;
    }

    /**
     * One target as plain data (what a recipe ships to a shard): its kernel type code, its
     * {@link TargetRegions#STRIDE} parameters and, for a ball, its full centre.
     */
    public record Region(String name, int type, double[] params, double[] center) {
    }

    /** The targets as plain data, in order. */
    public List<Region> regions() {
        List<Region> out = new ArrayList<>();
        for (int t = 0; t < types.length; t++) {
            double[] p = java.util.Arrays.copyOfRange(params, t * TargetRegions.STRIDE, (t + 1) * TargetRegions.STRIDE);
            out.add(new Region(names.get(t), types[t], p, centers.get(t) == null ? null : centers.get(t).clone()));
        }
        return out;
    }

    /** The targets {@link #regions()} described. */
    public static EscapeTargets of(int dimension, List<Region> regions) {
        EscapeTargets t = new EscapeTargets(dimension);
        for (Region r : regions) {
            t.add(r.name(), r.type(), r.params(), r.center() == null ? null : r.center().clone());
        }
        return t;
    }

    public int count() {
        return types.length;
    }

    public String name(int t) {
        return names.get(t);
    }

    public List<String> names() {
        return List.copyOf(names);
    }

    /** Type codes for kernels (copy). */
    public int[] types() {
        return types.clone();
    }

    /** Parameters for kernels, {@link TargetRegions#STRIDE} per target (copy). */
    public double[] params() {
        return params.clone();
    }

    /** Index of the first target containing x (any dimension), or −1. */
    public int firstContaining(double[] x) {
        for (int t = 0; t < types.length; t++) {
            if (contains(t, x)) {
                return t;
            }
        }
        return -1;
    }

    private boolean contains(int t, double[] x) {
        int o = t * TargetRegions.STRIDE;
        if (types[t] == TargetRegions.BALL) {
            double[] center = centers.get(t);
            double r2 = 0;
            for (int c = 0; c < x.length; c++) {
                double d = x[c] - center[c];
                r2 += d * d;
            }
            return r2 <= params[o + 3];
        }
        double v = x[(int) params[o]];
        return types[t] == TargetRegions.HALF_SPACE_ABOVE ? v >= params[o + 1] : v <= params[o + 1];
    }
}
