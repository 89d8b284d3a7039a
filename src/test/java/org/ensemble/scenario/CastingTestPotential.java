package org.ensemble.scenario;

import java.util.Map;
import org.ensemble.potential.Potential;

/** An old-style user potential that casts its Map params, as user code often does. */
public final class CastingTestPotential implements Potential {
    final double a;

    public CastingTestPotential(Map<String, Object> params) {
        this.a = (Double) params.get("a");
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double energy(double[] x) {
        return 0.5 * a * x[0] * x[0];
    }

    @Override
    public void gradient(double[] x, double[] out) {
        out[0] = a * x[0];
    }
}
