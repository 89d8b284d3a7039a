package org.ensemble.scenario;

import org.ensemble.potential.Potential;
import org.ensemble.potential.PotentialParams;

/** A user potential taking typed params: V(x) = a/2 |x − c|² on R^d. */
public final class TypedParamsTestPotential implements Potential {
    final double a;
    final int dimension;
    final double[] center;

    public TypedParamsTestPotential(PotentialParams params) {
        this.a = params.getDouble("a");
        this.dimension = params.getInt("dimension", 1);
        this.center = params.getDoubleArray("center", new double[dimension]);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double energy(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - center[i]) * (x[i] - center[i]);
        }
        return 0.5 * a * s;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = a * (x[i] - center[i]);
        }
    }
}
