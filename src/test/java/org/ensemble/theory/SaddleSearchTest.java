package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SaddleSearchTest {
    /**
     * Literature Müller–Brown critical points (6 decimals in position, 4 in energy): along the path
     * A → S1 → C → S2 → B. Positions to 1e-5 and energies to 1e-4 (the printed precision plus margin);
     * with {@code scale} the positions stay and the energies scale.
     */
    private static final double[][] MB_PATH = {
        {-0.558224, 1.441726, -146.6995},
        {-0.822002, 0.624313, -40.6648},
        {-0.050011, 0.466694, -80.7678},
        {0.212487, 0.292988, -72.2489},
        {0.623499, 0.028038, -108.1667}};

    @ParameterizedTest
    @CsvSource({"1", "0.05"})
    void mullerBrownPathPassesTheShallowMinimumBetweenTwoSaddles(double scale) {
        MullerBrownPotential mb = new MullerBrownPotential(scale);
        MinimumEnergyPath path = SaddleSearch.path(mb, new double[] {-0.5, 1.4}, new double[] {0.6, 0.0});
        List<StationaryPoint> p = path.points();
        assertEquals(5, p.size(), p.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(MB_PATH[i][0], p.get(i).x()[0], 1e-5, "x of point " + i);
            assertEquals(MB_PATH[i][1], p.get(i).x()[1], 1e-5, "y of point " + i);
            assertEquals(MB_PATH[i][2] * scale, p.get(i).energy(), 1e-4 * scale, "V of point " + i);
            assertEquals(i % 2, p.get(i).index(), "index of point " + i);
        }
        assertEquals(p.get(1), path.criticalSaddle().orElseThrow());
        // Exactly one negative eigenvalue at each saddle; saddles are critical points to round-off.
        for (StationaryPoint s : path.saddles()) {
            double[] ev = s.eigenvalues();
            assertTrue(ev[0] < 0 && ev[1] > 0);
            double[] g = new double[2];
            mb.gradient(s.x(), g);
            assertTrue(Vectors.norm(g) <= 1e-10 * 146.7 * scale, "|∇V| = " + Vectors.norm(g));
        }
        // The reverse path lists the same points in reverse order.
        List<StationaryPoint> back = SaddleSearch.path(mb, new double[] {0.6, 0.0}, new double[] {-0.5, 1.4}).points();
        for (int i = 0; i < 5; i++) {
            assertEquals(p.get(i).x()[0], back.get(4 - i).x()[0], 1e-9);
        }
    }

    @Test
    void pathBetweenTheTwoUpperMinimaHasOneSaddle() {
        // From A to C directly: one saddle, S1.
        MinimumEnergyPath path = SaddleSearch.path(new MullerBrownPotential(1), new double[] {-0.5, 1.4},
                new double[] {0, 0.5});
        assertEquals(3, path.points().size(), path.points().toString());
        assertEquals(-40.6648, path.criticalSaddle().orElseThrow().energy(), 1e-4);
    }

    @ParameterizedTest
    @CsvSource({"0", "0.2", "-0.7"})
    void tiltedDoubleWellSaddleIsTheMiddleRootOfTheCubic(double tilt) {
        double[] roots = TestPotentials.tiltedCriticalPoints(tilt);
        MinimumEnergyPath path = SaddleSearch.path(new DoubleWellPotential(tilt), new double[] {-1.5},
                new double[] {1.5});
        assertEquals(3, path.points().size());
        StationaryPoint s = path.saddles().get(0);
        assertEquals(roots[1], s.x()[0], 1e-12);
        assertEquals(12 * roots[1] * roots[1] - 4, s.eigenvalues()[0], 1e-8);
        assertEquals(roots[0], path.start().x()[0], 1e-12);
        assertEquals(roots[2], path.end().x()[0], 1e-12);
    }

    @Test
    void saddleOfAStiffThreeDimensionalDoubleWell() {
        MinimumEnergyPath path = SaddleSearch.path(TestPotentials.doubleWell3D(3, 50), new double[] {-1, 0.2, 0.1},
                new double[] {1.1, -0.1, 0});
        StationaryPoint s = path.criticalSaddle().orElseThrow();
        assertEquals(0, Vectors.norm(s.x()), 1e-12);
        assertEquals(-4, s.eigenvalues()[0], 1e-8);
        assertEquals(1, s.index());
    }

    @Test
    void refineRefusesToCallAMinimumASaddle() {
        // At a minimum ∇V = 0 already, so eigenvector following cannot climb: it must say so.
        assertThrows(IllegalStateException.class,
                () -> SaddleSearch.refine(new DoubleWellPotential(0), new double[] {1}, 0.1));
        StationaryPoint s = SaddleSearch.refine(new MullerBrownPotential(1), new double[] {0.19, 0.31}, 0.05);
        assertEquals(0.212487, s.x()[0], 1e-5);
        assertEquals(0.292988, s.x()[1], 1e-5);
    }

    @Test
    void sameBasinGivesAPathOfOnePoint() {
        MinimumEnergyPath path = SaddleSearch.path(new DoubleWellPotential(0), new double[] {-0.5}, new double[] {-2});
        assertEquals(1, path.points().size());
        assertTrue(path.criticalSaddle().isEmpty());
    }
}
