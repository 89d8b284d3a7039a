package org.ensemble.coordinates;

import java.util.Arrays;

/**
 * One full-batch run of a coordinate model: the shards' recipe, the targets y (labels ±1 for the
 * logistic loss), the loss, the number of steps and the steps at which observers get a
 * {@link CoordinateReport} (sorted; step 0 and the last step are always reported). With a positive
 * {@code lossTarget} the run ends (completed, reported) at the first step whose mean loss is at or
 * below it. With {@code boost} &gt; 1, every step after the first whose mean loss is at or below
 * {@code boostBelow} is taken with step size boost·η (the reducer scales the field, which is the
 * same as scaling η for every parameterisation): small steps while gradients are large, where the
 * discretisation error of GD against its flow accumulates (∝ Σ η²g²), and larger ones in the slow
 * final approach.
 */
public record CoordinateSpec(CoordinateRecipe recipe, double[] y, LossKind loss, long steps, long[] reports,
                             double lossTarget, double boostBelow, double boost) {
    public CoordinateSpec(CoordinateRecipe recipe, double[] y, LossKind loss, long steps, long[] reports) {
        this(recipe, y, loss, steps, reports, 0, 0, 1);
    }

    public CoordinateSpec(CoordinateRecipe recipe, double[] y, LossKind loss, long steps, long[] reports,
                          double lossTarget) {
        this(recipe, y, loss, steps, reports, lossTarget, 0, 1);
    }

    public CoordinateSpec {
        if (y.length != recipe.n()) {
            throw new IllegalArgumentException("y has " + y.length + " entries, X has " + recipe.n() + " rows");
        }
        if (!(boost >= 1) || !Double.isFinite(boost)) {
            throw new IllegalArgumentException("boost must be a finite number ≥ 1, got " + boost);
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
