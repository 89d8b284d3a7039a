package org.ensemble.population;

/** Every particle starts at the same point. */
public record PointInitial(double[] point) implements InitialCondition {
    public PointInitial {
        point = point.clone();
    }

    @Override
    public int dimension() {
        return point.length;
    }

    @Override
    public void position(long seed, long id, double[] out) {
        System.arraycopy(point, 0, out, 0, point.length);
    }
}
