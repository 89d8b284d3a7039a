package org.ensemble.splitting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.meanfield.Committor2D;
import org.junit.jupiter.api.Test;

/**
 * AMS in 2-D with ball-shaped A and B against the committor of the Fokker–Planck grid: Müller–Brown
 * (scale 0.05) at β = 2, from (−0.6, 1.25), where p ≈ 2.4e-5 (four decades below direct reach at
 * this cost).
 */
class AmsMullerBrownTest {
    @Test
    void probabilityMatchesTheGridCommittorWithin3SePlusTheGridError() {
        double beta = 2;
        double[] low = {-1.7, -0.6};
        double[] high = {1.3, 2.1};
        Balls b = AmsSpecs.MB_BALLS;
        double fine = new Committor2D(AmsSpecs.MULLER_BROWN, beta, low, high, 160, b.centreA(), b.radiusA(),
                b.centreB(), b.radiusB()).at(AmsSpecs.MB_START[0], AmsSpecs.MB_START[1]);
        double coarse = new Committor2D(AmsSpecs.MULLER_BROWN, beta, low, high, 80, b.centreA(), b.radiusA(),
                b.centreB(), b.radiusB()).at(AmsSpecs.MB_START[0], AmsSpecs.MB_START[1]);
        // Halving h: q_160 = 2.3929e-5, q_80 = 2.5008e-5; at 320 cells 2.3715e-5, so |q_160 − q_80|
        // (4.5%) over-covers q_160's own error (≈ 0.9%) as a conservative bound should.
        double gridError = Math.abs(fine - coarse);
        assertTrue(gridError < 0.1 * fine, fine + " vs " + coarse);
        int runs = 50;
        List<AmsRunResult> r = AmsCore.run(AmsSpecs.mullerBrown(new double[] {beta}, 2026, 100, 1, runs, 1, 64));
        AmsEstimate e = AmsEstimate.of(beta, r, 100, fine);
        // ξ = distance to A is a rough coordinate here: one run's sd of ln p̂ is ~2.5× the idealised
        // law, so the SE comes from 50 runs; the time-step bias at dt = 1e-3 (bridge on) is below the SE.
        assertTrue(Math.abs(e.p() - fine) <= 3 * e.se() + gridError, "AMS " + e.p() + " ± " + e.se() + " vs grid "
                + fine + " ± " + gridError);
        assertTrue(e.relSe() < 0.3, "the SE must be small enough to mean something: " + e.relSe());
        assertTrue(e.extinct() == 0);
    }
}
