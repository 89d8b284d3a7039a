package org.ensemble.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aparapi.device.OpenCLDevice;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.population.ParticleSlab;
import org.ensemble.population.PointInitial;
import org.ensemble.population.Populations;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Langevin kernel on a real OpenCL device (PoCL on CI) against the java backend. Same
 * counters, so the same Gaussians: positions agree to round-off over a short run (OpenCL may
 * contract a·b + c into an FMA), and escape statistics of a longer run agree within a few SE.
 * Without OpenCL the test is skipped, unless ENSEMBLE_REQUIRE_OPENCL=1 (set by .ci/run).
 */
class OpenClAgreementTest {
    static OpenCLDevice device;

    @BeforeAll
    static void findDevice() {
        device = Devices.bestOpenCl(true);
        boolean required = "1".equals(System.getenv("ENSEMBLE_REQUIRE_OPENCL"));
        if (required) {
            assertTrue(device != null, "ENSEMBLE_REQUIRE_OPENCL=1 but no OpenCL device with fp64 was found: "
                    + Devices.describe());
        }
        assumeTrue(device != null, "no OpenCL device with fp64 (install pocl-opencl-icd); skipping");
    }

    @Test
    void shortRunAgreesToRoundOff() {
        LangevinSetup setup = new LangevinSetup(LangevinDynamics.overdamped(1, 1e-3), new MullerBrownPotential(0.05),
                false, 0, EscapeTargets.none(2), false, 3);
        ParticleSlab java = slab(setup, 2000, new double[] {-0.558, 1.442});
        ParticleSlab cl = slab(setup, 2000, new double[] {-0.558, 1.442});
        new TiledLangevinStepper(setup).advance(java, 0, 200, null);
        try (AparapiLangevinStepper s = new AparapiLangevinStepper(setup, device)) {
            s.advance(cl, 0, 200, null);
        }
        double maxDiff = 0;
        for (int i = 0; i < java.positions().length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(java.positions()[i] - cl.positions()[i]));
        }
        // DESIGN §4: seen ≤ 2e-13 on positions; 1e-10 leaves room for FMA contraction over 200 steps.
        assertTrue(maxDiff < 1e-10, "max |Δx| = " + maxDiff);
    }

    @Test
    void escapeStatisticsAgree() {
        LangevinSetup setup = new LangevinSetup(LangevinDynamics.overdamped(2, 2e-3), new DoubleWellPotential(0),
                false, 0, new EscapeTargets(1).halfSpace("right", 0, 1.0, true), true, 11);
        int n = 20_000;
        int steps = 5_000;
        ParticleSlab java = slab(setup, n, new double[] {-1});
        ParticleSlab cl = slab(setup, n, new double[] {-1});
        new TiledLangevinStepper(setup).advance(java, 0, steps, null);
        try (AparapiLangevinStepper s = new AparapiLangevinStepper(setup, device)) {
            for (int c = 0; c < 5; c++) {
                s.advance(cl, (long) c * steps / 5, steps / 5, null);
                cl.retireAbsorbed();
            }
        }
        long ej = java.hitSteps().length - count0(java.hitSteps());
        long ec = cl.hitSteps().length - count0(cl.hitSteps());
        // Escaped fraction p ≈ 0.6 after t = 10 at β = 2: binomial SE sqrt(p(1−p)/n) ≈ 0.0035 per run;
        // the two runs share their noise, so they should agree far better than 4·sqrt(2)·SE.
        double p = (double) ej / n;
        assertTrue(p > 0.2 && p < 0.95, "escaped fraction " + p);
        assertEquals(p, (double) ec / n, 4 * Math.sqrt(2 * p * (1 - p) / n));
        double mj = meanHit(java.hitSteps());
        double mc = meanHit(cl.hitSteps());
        assertEquals(mj, mc, 0.02 * mj, "mean hit step of the escaped");
    }

    static ParticleSlab slab(LangevinSetup setup, int n, double[] point) {
        ParticleSlab s = new ParticleSlab(0, n, setup.dimension(), false);
        Populations.initialize(s, new PointInitial(point), setup.seed(), setup.dynamics().beta());
        return s;
    }

    static long count0(long[] a) {
        long k = 0;
        for (long v : a) {
            k += v == 0 ? 1 : 0;
        }
        return k;
    }

    static double meanHit(long[] a) {
        double s = 0;
        long k = 0;
        for (long v : a) {
            if (v > 0) {
                s += v;
                k++;
            }
        }
        return s / k;
    }
}
