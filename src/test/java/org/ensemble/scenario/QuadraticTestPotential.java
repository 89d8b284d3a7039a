package org.ensemble.scenario;

import java.util.List;
import java.util.Map;
import org.ensemble.potential.Potential;

/** A user potential for the loader tests: V(x) = k/2 |x − c|², built from {@code potential.params}. */
public final class QuadraticTestPotential implements Potential {
    private final double k;
    private final double[] center;

    public QuadraticTestPotential(Map<String, Object> params) {
        this.k = ((Number) params.getOrDefault("k", 1.0)).doubleValue();
        int d = ((Number) params.getOrDefault("dimension", 1)).intValue();
        this.center = new double[d];
        Object c = params.get("center");
        if (c != null) {
            List<?> l = (List<?>) c;
            if (l.size() != d) {
                throw new IllegalArgumentException("center has " + l.size() + " coordinates, dimension is " + d);
            }
            for (int i = 0; i < d; i++) {
                center[i] = ((Number) l.get(i)).doubleValue();
            }
        }
    }

    public double stiffness() {
        return k;
    }

    public double[] center() {
        return center.clone();
    }

    @Override
    public int dimension() {
        return center.length;
    }

    @Override
    public double energy(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - center[i]) * (x[i] - center[i]);
        }
        return 0.5 * k * s;
    }

    @Override
    public void gradient(double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = k * (x[i] - center[i]);
        }
    }
}
