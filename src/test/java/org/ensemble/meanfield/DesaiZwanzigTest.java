package org.ensemble.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Against an independent computation (NumPy, trapezoid rule on 2·10⁶ points over [−6, 6], bisection
 * to 60 halvings; the script is in this class's comment history): θ = 1 gives β_c =
 * 1.5934885346593668 and, at β = 1.2·β_c, m* = 0.6101538844229104, Δf = 0.03137081822490295.
 * The issue asks for 1e-8.
 */
class DesaiZwanzigTest {
    final DesaiZwanzig dz = new DesaiZwanzig(1.0);

    @Test
    void criticalBetaMagnetisationAndBarrierMatchAnIndependentSolver() {
        double bc = dz.criticalBeta();
        assertEquals(1.5934885346593668, bc, 1e-8);
        double beta = 1.2 * bc;
        assertEquals(0.6101538844229104, dz.magnetization(beta), 1e-8);
        assertEquals(0.03137081822490295, dz.barrierPerParticle(beta), 1e-8);
    }

    @Test
    void stationaryStatesSolveTheSelfConsistencyEquation() {
        double bc = dz.criticalBeta();
        assertEquals(1.0, dz.slopeAtZero(bc), 1e-12);
        for (double f : new double[] {1.05, 1.5, 3}) {
            double m = dz.magnetization(f * bc);
            assertTrue(m > 0);
            assertEquals(m, dz.selfConsistencyMap(f * bc, m), 1e-12);
            assertEquals(-m, dz.selfConsistencyMap(f * bc, -m), 1e-12, "the pitchfork is symmetric");
        }
        assertEquals(0, dz.magnetization(0.9 * bc), "no magnetisation below β_c");
        assertEquals(0, dz.barrierPerParticle(0.9 * bc));
        // Near β_c the pitchfork opens like sqrt(β − β_c).
        double m1 = dz.magnetization(bc * 1.001);
        double m2 = dz.magnetization(bc * 1.004);
        assertEquals(2.0, m2 / m1, 0.02);
    }
}
