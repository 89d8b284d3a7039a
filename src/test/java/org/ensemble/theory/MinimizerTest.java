package org.ensemble.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.potential.MullerBrownPotential;
import org.ensemble.potential.Potential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimizerTest {
    @ParameterizedTest
    @CsvSource({"-3, -1", "-0.01, -1", "0.01, 1", "0.6, 1", "2.5, 1"})
    void doubleWellDescendsIntoTheBasinOfTheStart(double start, double minimum) {
        StationaryPoint m = Minimizer.minimumFrom(new DoubleWellPotential(0), new double[] {start});
        assertEquals(minimum, m.x()[0], 1e-12);
        assertEquals(8, m.eigenvalues()[0], 1e-8);
        assertEquals(0, m.index());
    }

    @ParameterizedTest
    @CsvSource({"0.2", "-0.5", "1.0"})
    void tiltedDoubleWellMinimaAreRootsOfTheCubic(double tilt) {
        double[] roots = TestPotentials.tiltedCriticalPoints(tilt);
        DoubleWellPotential v = new DoubleWellPotential(tilt);
        // The cubic formula and the Newton-polished descent both reach ~1e-15; 1e-11 leaves room.
        assertEquals(roots[0], Minimizer.minimumFrom(v, new double[] {-2}).x()[0], 1e-11);
        assertEquals(roots[2], Minimizer.minimumFrom(v, new double[] {2}).x()[0], 1e-11);
    }

    /**
     * Müller–Brown minima, literature values to 6 decimals (A, B, C, e.g. Bonfanti &amp; Kob 2017 and the
     * standard tables; energies to 4 decimals): positions to 1e-5 and energies to 1e-4 (half a unit of
     * the last printed digit plus margin).
     */
    @ParameterizedTest
    @CsvSource({
        "-0.5, 1.4, -0.558224, 1.441726, -146.6995",
        "0.6, 0.0, 0.623499, 0.028038, -108.1667",
        "0.0, 0.5, -0.050011, 0.466694, -80.7678"})
    void mullerBrownMinimaMatchTheLiterature(double sx, double sy, double x, double y, double energy) {
        MullerBrownPotential mb = new MullerBrownPotential(1);
        StationaryPoint m = Minimizer.minimumFrom(mb, new double[] {sx, sy});
        assertEquals(x, m.x()[0], 1e-5);
        assertEquals(y, m.x()[1], 1e-5);
        assertEquals(energy, m.energy(), 1e-4);
        double[] g = new double[2];
        mb.gradient(m.x(), g);
        // |∇V| ≤ 1e-10 · |V| is the documented tolerance; Newton polishing gets near round-off.
        assertTrue(Vectors.norm(g) <= 1e-10 * 146.7, "|∇V| = " + Vectors.norm(g));
    }

    @Test
    void findMinimaDeduplicatesAGridOfStarts() {
        MullerBrownPotential mb = new MullerBrownPotential(1);
        List<double[]> starts = new ArrayList<>();
        for (double x = -1.0; x <= 0.8; x += 0.3) {
            for (double y = 0.0; y <= 1.6; y += 0.4) {
                starts.add(new double[] {x, y});
            }
        }
        List<StationaryPoint> minima = Minimizer.findMinima(mb, starts);
        // Müller–Brown has exactly three minima (A, B, C).
        assertEquals(3, minima.size(), minima.toString());
        double lowest = minima.stream().mapToDouble(StationaryPoint::energy).min().orElseThrow();
        assertEquals(-146.6995, lowest, 1e-4);
    }

    @Test
    void refusesAPotentialWithoutMinimum() {
        Potential slope = TestPotentials.slope();
        assertThrows(IllegalStateException.class, () -> Minimizer.minimumFrom(slope, new double[] {0}));
    }
}
