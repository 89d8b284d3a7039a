package org.ensemble.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ensemble.kernel.EscapeTargets;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.kernel.TiledLangevinStepper;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.PointInitial;
import org.ensemble.population.Populations;
import org.ensemble.potential.HarmonicPotential;
import org.junit.jupiter.api.Test;

/**
 * Overdamped Langevin in a harmonic potential is an Ornstein–Uhlenbeck process: from x0 the law at
 * time t is Gaussian with mean c + (x0 − c)e^{−kt} and variance (1 − e^{−2kt})/(βk). Euler–Maruyama
 * with step dt has its own exact recursion (factor a = 1 − k·dt per step); the sample must match
 * that within a few standard errors, and it differs from the continuous law by O(dt) only.
 */
class OrnsteinUhlenbeckTest {
    @Test
    void meanAndVarianceMatchTheClosedForm() {
        double k = 2.0;
        double c = 0.5;
        double x0 = 2.0;
        double beta = 2.0;
        double dt = 1e-3;
        int steps = 600;
        int n = 40_000;
        LangevinDynamics dyn = LangevinDynamics.overdamped(beta, dt);
        LangevinSetup setup = new LangevinSetup(dyn, new HarmonicPotential(new double[] {k}, new double[] {c}), false,
                0, EscapeTargets.none(1), false, 42);
        ParticleSlab slab = new ParticleSlab(0, n, 1, false);
        Populations.initialize(slab, new PointInitial(new double[] {x0}), 42, beta);
        new TiledLangevinStepper(setup).advance(slab, 0, steps, null);

        double a = 1 - k * dt;
        double emMean = c + (x0 - c) * Math.pow(a, steps);
        double emVar = dyn.noise() * dyn.noise() * (1 - Math.pow(a, 2 * steps)) / (1 - a * a);
        double t = steps * dt;
        double exactMean = c + (x0 - c) * Math.exp(-k * t);
        double exactVar = (1 - Math.exp(-2 * k * t)) / (beta * k);

        double sum = 0;
        for (double x : slab.positions()) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : slab.positions()) {
            ss += (x - mean) * (x - mean);
        }
        double var = ss / (n - 1);
        // SE of the mean: sqrt(var/n); of a Gaussian sample variance: var·sqrt(2/(n−1)). 4 SE: a false alarm ~1e-4.
        assertEquals(emMean, mean, 4 * Math.sqrt(emVar / n), "mean vs Euler–Maruyama recursion");
        assertEquals(emVar, var, 4 * emVar * Math.sqrt(2.0 / (n - 1)), "variance vs Euler–Maruyama recursion");
        // The discretisation bias itself is O(dt): here |emMean − exactMean| ≈ 3e-4, |emVar − exactVar| ≈ 1e-4.
        assertEquals(exactMean, mean, 4 * Math.sqrt(emVar / n) + Math.abs(emMean - exactMean));
        assertEquals(exactVar, var, 4 * emVar * Math.sqrt(2.0 / (n - 1)) + Math.abs(emVar - exactVar));
    }
}
