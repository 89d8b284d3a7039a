package org.ensemble.theory;

/**
 * A critical point of V: a minimum (index 0) or a saddle (index 1), with its energy and Hessian
 * eigenvalues (ascending).
 */
public record StationaryPoint(double[] x, double energy, double[] eigenvalues, int index) {
    public StationaryPoint {
        x = x.clone();
        eigenvalues = eigenvalues.clone();
    }

    /** det H = product of the eigenvalues. */
    public double determinant() {
        double p = 1;
        for (double e : eigenvalues) {
            p *= e;
        }
        return p;
    }
}
