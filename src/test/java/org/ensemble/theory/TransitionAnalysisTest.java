package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.HarmonicPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.junit.jupiter.api.Test;

class TransitionAnalysisTest {
    @Test
    void doubleWellKramersMatchesTheReferenceTable() {
        TransitionEstimate t = TransitionAnalysis.analyze(new DoubleWellPotential(0), 4, new double[] {-1},
                new double[] {1.5}, 1.0).orElseThrow();
        assertEquals(-1, t.start().x()[0], 1e-8);
        assertEquals(0, t.criticalSaddle().x()[0], 1e-8);
        assertEquals(1, t.barrier(), 1e-10);
        assertEquals(8, t.start().eigenvalues()[0], 1e-5);
        assertEquals(-4, t.criticalSaddle().eigenvalues()[0], 1e-5);
        // τ_K at β = 4 from ../shared/reference: 60.64329731 (finite-difference Hessians: 1e-6 relative).
        assertEquals(60.64329731, t.eyringKramersMfpt(), 60.64 * 1e-6);
        assertEquals(69.2636447608363, t.exactMfpt().orElseThrow(), 69.26 * 1e-9);
    }

    @Test
    void hessianOfAHarmonicPotentialIsItsStiffness() {
        HarmonicPotential h = new HarmonicPotential(new double[] {1, 2.5, 40}, new double[] {0.3, -1, 2});
        double[] ev = Hessian.eigenvalues(Hessian.at(h, new double[] {1, 1, 1}));
        assertEquals(1, ev[0], 1e-7);
        assertEquals(2.5, ev[1], 1e-7);
        assertEquals(40, ev[2], 1e-6);
    }

    @Test
    void mullerBrownMinimaAndSaddlesMatchTheLiterature() {
        MullerBrownPotential mb = new MullerBrownPotential(1);
        StationaryPoint a = Minimizer.minimumFrom(mb, new double[] {-0.5, 1.4});
        StationaryPoint b = Minimizer.minimumFrom(mb, new double[] {0.6, 0.0});
        // Literature (Müller & Brown 1979; e.g. Bonfanti & Kob 2017): A (−0.558, 1.442) −146.700,
        // B (0.623, 0.028) −108.167; saddles (−0.822, 0.624) −40.665 and (0.212, 0.293) −72.249.
        assertEquals(-0.558, a.x()[0], 1e-3);
        assertEquals(1.442, a.x()[1], 1e-3);
        assertEquals(-146.6995, a.energy(), 1e-3);
        assertEquals(-108.1667, b.energy(), 1e-3);
        List<StationaryPoint> saddles = SaddleSearch.saddlesBetween(mb, a.x(), b.x());
        assertEquals(2, saddles.size(), "the A→B path passes C and two saddles: " + saddles);
        StationaryPoint high = saddles.get(0).energy() > saddles.get(1).energy() ? saddles.get(0) : saddles.get(1);
        StationaryPoint low = high == saddles.get(0) ? saddles.get(1) : saddles.get(0);
        assertEquals(-0.822, high.x()[0], 1e-3);
        assertEquals(0.624, high.x()[1], 1e-3);
        assertEquals(-40.6648, high.energy(), 1e-3);
        assertEquals(0.212, low.x()[0], 1e-3);
        assertEquals(0.293, low.x()[1], 1e-3);
        assertEquals(-72.2489, low.energy(), 1e-3);
        assertTrue(high.eigenvalues()[0] < 0 && high.eigenvalues()[1] > 0);
    }
}
