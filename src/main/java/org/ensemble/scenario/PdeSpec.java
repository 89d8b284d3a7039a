package org.ensemble.scenario;

/**
 * {@code pde { cells, range, dt }}: the PDE solved beside the particles; {@code range = [lo, hi]} in
 * 1-D, {@code [[x0, x1], [y0, y1]]} in 2-D ({@code cells} per axis).
 */
public record PdeSpec(int cells, double[] low, double[] high, double dt) {
    public int dimension() {
        return low.length;
    }
}
