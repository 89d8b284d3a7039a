package org.ensemble.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class DiscreteRiccatiTest {
    private static RealMatrix m(double[][] v) {
        return MatrixUtils.createRealMatrix(v);
    }

    @Test
    void scalarCaseMatchesTheQuadraticRoot() {
        double a = 1.2;
        double b = 0.5;
        double q = 1;
        double r = 0.3;
        DiscreteRiccati.Solution s = DiscreteRiccati.solve(m(new double[][] {{a}}), m(new double[][] {{b}}),
                m(new double[][] {{q}}), m(new double[][] {{r}}));
        double p = DiscreteRiccati.scalar(a, b, q, r);
        assertEquals(p, s.p().getEntry(0, 0), 1e-13 * p);
        assertEquals(a * b * p / (r + b * b * p), s.k().getEntry(0, 0), 1e-13);
        // J(K*) = P·σ₀² for the scalar cost of the optimal gain.
        LqrCost cost = new LqrCost(m(new double[][] {{a}}), m(new double[][] {{b}}), m(new double[][] {{q}}),
                m(new double[][] {{r}}), m(new double[][] {{1}}));
        assertEquals(p, cost.cost(s.k()), 1e-12 * p);
    }

    @Test
    void matrixCaseIsAFixedPointAndItsGainIsStationary() {
        RealMatrix a = m(new double[][] {{1.0, 0.2, 0}, {0, 0.9, 0.3}, {0.1, 0, 1.05}});
        RealMatrix b = m(new double[][] {{0, 0}, {1, 0}, {0, 1}});
        RealMatrix q = MatrixUtils.createRealIdentityMatrix(3);
        RealMatrix r = MatrixUtils.createRealIdentityMatrix(2).scalarMultiply(0.5);
        DiscreteRiccati.Solution s = DiscreteRiccati.solve(a, b, q, r);
        assertTrue(s.residual() < 1e-14, "residual " + s.residual());
        LqrCost cost = new LqrCost(a, b, q, r, MatrixUtils.createRealIdentityMatrix(3));
        assertEquals(s.p().getTrace(), cost.cost(s.k()), 1e-11 * s.p().getTrace());
        assertTrue(cost.gradient(s.k()).getFrobeniusNorm() < 1e-10);
    }

    @Test
    void exactGradientMatchesFiniteDifferences() {
        RealMatrix a = m(new double[][] {{1.0, 0.2}, {0, 0.9}});
        RealMatrix b = m(new double[][] {{0}, {1}});
        LqrCost cost = new LqrCost(a, b, MatrixUtils.createRealIdentityMatrix(2), m(new double[][] {{1}}),
                MatrixUtils.createRealIdentityMatrix(2));
        RealMatrix k = m(new double[][] {{0.3, 0.6}});
        RealMatrix g = cost.gradient(k);
        double h = 1e-6;
        for (int j = 0; j < 2; j++) {
            RealMatrix kp = k.copy();
            RealMatrix km = k.copy();
            kp.addToEntry(0, j, h);
            km.addToEntry(0, j, -h);
            double fd = (cost.cost(kp) - cost.cost(km)) / (2 * h);
            // Central difference: error O(h²·J''') ≈ 1e-11 relative here.
            assertEquals(fd, g.getEntry(0, j), 1e-7 * Math.abs(fd));
        }
        assertEquals(Double.POSITIVE_INFINITY, cost.cost(m(new double[][] {{0, 0}})), 0,
                "A has eigenvalue 1: K = 0 is not stabilising");
    }
}
