package org.ensemble.theory;

import java.util.Arrays;
import org.ensemble.potential.Potential;

/**
 * A critical point of V (∇V = 0): a minimum (index 0), an index-1 saddle, or higher. Holds its
 * energy, its Hessian eigenvalues in ascending order and its Morse index (the number of negative
 * eigenvalues). Arrays are copied in and out, so a point can be shared freely.
 */
public record StationaryPoint(double[] x, double energy, double[] eigenvalues, int index) {
    public StationaryPoint {
        x = x.clone();
        eigenvalues = eigenvalues.clone();
    }

    /** The point x of V with its energy, Hessian spectrum and index (x is trusted to be critical). */
    public static StationaryPoint at(Potential v, double[] x) {
        double[] ev = Hessian.eigenvalues(Hessian.at(v, x));
        int negative = 0;
        for (double e : ev) {
            if (e < 0) {
                negative++;
            }
        }
        return new StationaryPoint(x, v.energy(x), ev, negative);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    public boolean isMinimum() {
        return index == 0;
    }

    /** det H = product of the eigenvalues. */
    public double determinant() {
        double p = 1;
        for (double e : eigenvalues) {
            p *= e;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StationaryPoint p && Arrays.equals(x, p.x) && Double.compare(energy, p.energy) == 0
                && Arrays.equals(eigenvalues, p.eigenvalues) && index == p.index;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(x) + Double.hashCode(energy)) + Arrays.hashCode(eigenvalues) + index;
    }

    @Override
    public String toString() {
        return (index == 0 ? "minimum" : "index-" + index + " point") + " at " + Arrays.toString(x) + " V = " + energy
                + " eigenvalues " + Arrays.toString(eigenvalues);
    }
}
