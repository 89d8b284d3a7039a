package org.ensemble.splitting;

/**
 * Reactant and product sets as balls, A = {|x − centreA| ≤ radiusA} and B = {|x − centreB| ≤ radiusB},
 * with the reaction coordinate ξ either the distance to A's centre ({@code axis} = −1) or coordinate
 * {@code axis}. A trajectory's level at x is ξ(x) outside B, capped just below {@link #levelOfB()},
 * and exactly {@code levelOfB()} in B, so "the level reached levelOfB" means "reached B": any ξ that
 * grows from A towards B then gives an unbiased AMS (the generalised AMS of Bréhier, Gazeau, Goudenège,
 * Lelièvre and Rousset 2016 needs no more of ξ than that).
 */
public record Balls(double[] centreA, double radiusA, double[] centreB, double radiusB, int axis) {
    /** ξ = the distance to A's centre. */
    public static final int DISTANCE = -1;

    public Balls {
        if (centreA.length != centreB.length || !(radiusA > 0) || !(radiusB > 0)) {
            throw new IllegalArgumentException("balls need centres of one dimension and positive radii");
        }
        if (axis < DISTANCE || axis >= centreA.length) {
            throw new IllegalArgumentException("no coordinate " + axis + " in dimension " + centreA.length);
        }
        double gap = distance(centreA, centreB);
        if (gap + radiusB <= radiusA) {
            throw new IllegalArgumentException("B lies inside A");
        }
        if (gap <= radiusA + radiusB) {
            throw new IllegalArgumentException("the balls A and B overlap (centres " + gap + " apart, radii "
                    + radiusA + " + " + radiusB + ")");
        }
        if (axis != DISTANCE && !(centreA[axis] + radiusA < centreB[axis] - radiusB)) {
            throw new IllegalArgumentException("ξ must increase from A to B: the largest ξ on A, "
                    + (centreA[axis] + radiusA) + ", must lie below the smallest on B, " + (centreB[axis] - radiusB));
        }
    }

    /** The level every point of B gets: ξ at B's centre. */
    public double levelOfB() {
        return xi(centreB);
    }

    /** The largest ξ on A (the level a trajectory that never left A would have). */
    public double levelOfA() {
        return axis == DISTANCE ? radiusA : centreA[axis] + radiusA;
    }

    /** A trajectory's level at x: ξ outside B (capped below {@link #levelOfB()}), levelOfB() in B. */
    public double level(double[] x) {
        double b = levelOfB();
        return inB(x) ? b : Math.min(xi(x), Math.nextDown(b));
    }

    /** Signed distance from A's sphere (≤ 0 in A): the bridge check of A uses it. */
    public double aboveA(double[] x) {
        return distance(x, centreA) - radiusA;
    }

    public boolean inA(double[] x) {
        return aboveA(x) <= 0;
    }

    public boolean inB(double[] x) {
        return distance(x, centreB) <= radiusB;
    }

    private double xi(double[] x) {
        return axis == DISTANCE ? distance(x, centreA) : x[axis];
    }

    public static double distance(double[] x, double[] c) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - c[i]) * (x[i] - c[i]);
        }
        return Math.sqrt(s);
    }
}
