package org.ensemble.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.ensemble.kernel.EscapeTargets;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.TiledLangevinStepper;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.PointInitial;
import org.ensemble.population.Populations;
import org.ensemble.potential.DoubleWellPotential;
import org.junit.jupiter.api.Test;

/**
 * Underdamped BAOAB run long enough samples the Boltzmann law e^{−βV}/Z of a tilted double well in
 * position and N(0, 1/β) in velocity. BAOAB's configurational bias is O(dt²) (≈1e-4 here), far below
 * the statistical tolerance; all particles start in the left well, so a wrong well balance shows.
 */
class BaoabBoltzmannTest {
    @Test
    void samplesTheBoltzmannLawOfADoubleWell() {
        double beta = 1.0;
        double tilt = 0.2;
        double dt = 0.02;
        int steps = 4000;
        int n = 20_000;
        DoubleWellPotential v = new DoubleWellPotential(tilt);
        LangevinSetup setup = new LangevinSetup(LangevinDynamics.underdamped(beta, dt, 1.0), v, false, 0,
                EscapeTargets.none(1), false, 7);
        ParticleSlab slab = new ParticleSlab(0, n, 1, true);
        Populations.initialize(slab, new PointInitial(new double[] {-1.0}), 7, beta);
        new TiledLangevinStepper(setup).advance(slab, 0, steps, null);

        double z = integrate(x -> Math.exp(-beta * v.energy(new double[] {x})));
        double ex = integrate(x -> x * Math.exp(-beta * v.energy(new double[] {x}))) / z;
        double ex2 = integrate(x -> x * x * Math.exp(-beta * v.energy(new double[] {x}))) / z;
        double pRight = integrateFrom0(x -> Math.exp(-beta * v.energy(new double[] {x}))) / z;

        double sx = 0;
        double sx2 = 0;
        double sv2 = 0;
        long right = 0;
        for (int i = 0; i < n; i++) {
            double x = slab.positions()[i];
            double u = slab.velocities()[i];
            sx += x;
            sx2 += x * x;
            sv2 += u * u;
            right += x > 0 ? 1 : 0;
        }
        double varX = ex2 - ex * ex;
        // Particles are independent: SE = sd/sqrt(n). 4 SE each.
        assertEquals(ex, sx / n, 4 * Math.sqrt(varX / n), "E[x]");
        assertEquals(pRight, (double) right / n, 4 * Math.sqrt(pRight * (1 - pRight) / n), "P(x > 0)");
        double m4 = integrate(x -> Math.pow(x, 4) * Math.exp(-beta * v.energy(new double[] {x}))) / z;
        assertEquals(ex2, sx2 / n, 4 * Math.sqrt((m4 - ex2 * ex2) / n), "E[x²]");
        // v ~ N(0, 1/β): Var(v²) = 2/β².
        assertEquals(1 / beta, sv2 / n, 4 * Math.sqrt(2.0 / (beta * beta * n)), "E[v²]");
    }

    private static double integrate(UnivariateFunction f) {
        return new SimpsonIntegrator(1e-12, 1e-12, 3, 30).integrate(10_000_000, f, -4, 4);
    }

    private static double integrateFrom0(UnivariateFunction f) {
        return new SimpsonIntegrator(1e-12, 1e-12, 3, 30).integrate(10_000_000, f, 0, 4);
    }
}
