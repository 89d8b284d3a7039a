package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PopulationSweepFitsTest {
    @Test
    void fitsALineWithACiThatCoversItsSlope() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {0.51, 0.99, 1.52, 1.98, 2.50};
        PopulationSweepFits.Fit f = PopulationSweepFits.fit(x, y);
        assertEquals(0.497, f.slope(), 1e-12);
        assertTrue(f.low() < 0.497 && 0.497 < f.high());
        double[] exact = {1, 3, 5};
        assertEquals(2.0, PopulationSweepFits.fit(new double[] {0, 1, 2}, exact).slope(), 1e-12);
    }
}
