package org.ensemble.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinTraceCertificateTest {
    @Test
    void oneDiagonalMeasurementCertifiesOnlyTheCheaperAxis() {
        // min tr X s.t. X11 + 2 X22 = b, X ⪰ 0: the optimum puts all mass on X22 (trace b/2).
        double[][][] a = {{{1, 0}, {0, 2}}};
        MinTraceCertificate.Result onCheap = MinTraceCertificate.check(a, new double[][] {{0}, {1}});
        assertTrue(onCheap.certified());
        assertEquals(0.5, onCheap.y()[0], 1e-14); // Z = I − y·diag(1,2) = diag(1/2, 0)
        assertEquals(0.5, onCheap.complementGap(), 1e-14);
        MinTraceCertificate.Result onDear = MinTraceCertificate.check(a, new double[][] {{1}, {0}});
        assertFalse(onDear.certified(), "X = e1e1ᵀ has trace 1 but X = e2e2ᵀ/2 meets b = 1 with trace 1/2");
        assertEquals(-1, onDear.lowest(), 1e-14);
    }

    @Test
    void aProjectorMeasurementCertifiesThePlantedRankTwoMatrix() {
        // With A_0 = P_U among the measurements, Z = I − P_U ⪰ 0 and Z U = 0: an exact certificate.
        int n = 6;
        double[][] u = Gaussians.matrix(n, 2, 31);
        double[][][] a = new double[5][][];
        a[0] = projector(u);
        for (int i = 1; i < 5; i++) {
            a[i] = symmetric(Gaussians.matrix(n, n, 40 + i));
        }
        MinTraceCertificate.Result r = MinTraceCertificate.check(a, u);
        assertTrue(r.certified(), "residual " + r.residual() + ", lowest " + r.lowest());
        assertEquals(0, r.dualityGap(), 1e-10);
    }

    @Test
    void tooFewGaussianMeasurementsDoNotCertify() {
        // Fewer measurements than the rank-1 tangent space has dimensions (n = 8 > m = 4): Z U = 0 has no solution.
        double[][] u = Gaussians.matrix(8, 1, 50);
        double[][][] a = new double[4][][];
        for (int i = 0; i < 4; i++) {
            a[i] = symmetric(Gaussians.matrix(8, 8, 60 + i));
        }
        assertFalse(MinTraceCertificate.check(a, u).certified());
    }

    static double[][] symmetric(double[][] g) {
        int n = g.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = (g[i][j] + g[j][i]) / Math.sqrt(2);
            }
        }
        return s;
    }

    static double[][] projector(double[][] u) {
        org.apache.commons.math3.linear.RealMatrix um = org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(u);
        org.apache.commons.math3.linear.RealMatrix p = um.multiply(org.apache.commons.math3.linear.MatrixUtils
                .inverse(um.transpose().multiply(um))).multiply(um.transpose());
        return p.getData();
    }
}
