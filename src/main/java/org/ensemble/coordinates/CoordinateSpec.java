package org.ensemble.coordinates;

import java.util.Arrays;

/**
 * One full-batch run of a coordinate model: the shards' recipe, the targets y (labels ±1 for the
 * logistic loss), the loss, the number of steps and the steps at which observers get a
 * {@link CoordinateReport} (sorted; step 0 and the last step are always reported).
 */
public record CoordinateSpec(CoordinateRecipe recipe, double[] y, LossKind loss, long steps, long[] reports) {
    public CoordinateSpec {
        if (y.length != recipe.n()) {
            throw new IllegalArgumentException("y has " + y.length + " entries, X has " + recipe.n() + " rows");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        }
        long[] r = Arrays.copyOf(reports, reports.length + 2);
        r[reports.length] = 0;
        r[reports.length + 1] = steps;
        reports = Arrays.stream(r).filter(s -> s >= 0 && s <= steps).sorted().distinct().toArray();
    }

    /** Steps 0, and about {@code perDecade} log-spaced steps per decade up to {@code steps}. */
    public static long[] logSpaced(long steps, int perDecade) {
        java.util.TreeSet<Long> out = new java.util.TreeSet<>();
        out.add(0L);
        for (double e = 0; Math.pow(10, e) <= steps; e += 1.0 / perDecade) {
            out.add(Math.round(Math.pow(10, e)));
        }
        out.add(steps);
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
