package org.ensemble.failures.linear;

import java.util.Arrays;

/**
 * One online run: the members' recipe, the targets y (one per instance), the link, the example
 * shown at each step (its length is the number of steps) and the steps after which observers get
 * an {@link OnlineReport} (step 0 and the last step always).
 */
public record OnlineSpec(OnlineRecipe recipe, double[] y, Link link, int[] schedule, long[] reports) {
    public OnlineSpec {
        if (y.length != recipe.n()) {
            throw new IllegalArgumentException("y has " + y.length + " entries, X has " + recipe.n() + " rows");
        }
        for (int j : schedule) {
            if (j < 0 || j >= recipe.n()) {
                throw new IllegalArgumentException("example " + j + " is not an instance (n = " + recipe.n() + ")");
            }
        }
        long steps = schedule.length;
        long[] r = Arrays.copyOf(reports, reports.length + 2);
        r[reports.length] = 0;
        r[reports.length + 1] = steps;
        reports = Arrays.stream(r).filter(s -> s >= 0 && s <= steps).sorted().distinct().toArray();
    }

    public long steps() {
        return schedule.length;
    }

    /** 1, 2, 4, … up to {@code steps}, and steps itself. */
    public static long[] powersOfTwo(long steps) {
        java.util.TreeSet<Long> out = new java.util.TreeSet<>();
        for (long k = 1; k <= steps; k *= 2) {
            out.add(k);
        }
        out.add(steps);
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
