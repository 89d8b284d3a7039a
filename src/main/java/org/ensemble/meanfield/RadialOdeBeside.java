package org.ensemble.meanfield;

import java.util.Arrays;
import org.ensemble.network.Activation;

/**
 * The exact reduced ODE of MMN's isotropic-Gaussian example, solved once at the run's report times,
 * and compared with the particles at each report: the ODE's risk, the risk functional evaluated on
 * the particles' own radius law (what an isotropic law with their radii would score), and W2
 * between the particles' radii and the ODE's radius law.
 */
public final class RadialOdeBeside {
    private final RadialMeanFieldOde ode;
    private final RadialMeanFieldOde.Solution solution;
    private final double[] times;

    public RadialOdeBeside(int d, double delta, Activation act, double wScale, int nodes, int sNodes, double dt,
                           double[] reportTimes) {
        this.ode = new RadialMeanFieldOde(d, delta, act, nodes, sNodes);
        this.times = reportTimes.clone();
        this.solution = ode.solve(ode.initialRadii(wScale), dt, times);
    }

    /** {ode risk, radial risk of the particles, W2(particle radii, ODE radii), ODE mean radius} at report k. */
    public double[] compare(int k, double[] particleRadii) {
        if (Math.abs(solution.times()[k] - times[k]) > 1e-9 * Math.max(1, times[k])) {
            throw new IllegalStateException("report " + k + " at t = " + times[k] + " has no ODE solution");
        }
        double[] sorted = particleRadii.clone();
        Arrays.sort(sorted);
        double[] odeRadii = solution.radii()[k];
        double mean = 0;
        for (double r : odeRadii) {
            mean += r;
        }
        return new double[] {solution.risk()[k], ode.risk(sorted), RadialMeanFieldOde.w2(sorted, odeRadii),
            mean / odeRadii.length};
    }

    public double[] odeRadii(int k) {
        return solution.radii()[k].clone();
    }

    public RadialMeanFieldOde ode() {
        return ode;
    }
}
