package org.ensemble.scenario;

/** An escape target as declared in a scenario. */
public sealed interface TargetSpec permits TargetSpec.HalfSpace, TargetSpec.Ball, TargetSpec.Basin {
    String name();

    /** x[axis] ≥ threshold (above) or ≤ threshold. */
    record HalfSpace(String name, int axis, double threshold, boolean above) implements TargetSpec {
    }

    /** |x − center| ≤ radius. */
    record Ball(String name, double[] center, double radius) implements TargetSpec {
    }

    /** The ball of {@code radius} around the local minimum found by descent from {@code near}. */
    record Basin(String name, double[] near, double radius) implements TargetSpec {
    }
}
