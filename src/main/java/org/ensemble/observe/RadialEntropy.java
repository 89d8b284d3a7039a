package org.ensemble.observe;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * ∫ρ log ρ of a rotation-invariant law on R^d from a sample of its radii: with p the radius density,
 * ρ(w) = p(|w|)/(S_{d−1}|w|^{d−1}), so ∫ρ log ρ = ∫p log p − log S_{d−1} − (d−1)E log r, S_{d−1} =
 * 2π^{d/2}/Γ(d/2). The 1-D part uses Vasicek's m-spacing estimator (m ≈ √n), consistent and with a
 * bias of order m/n. Valid only for isotropic laws (isotropic data and initialisation).
 */
public final class RadialEntropy {
    private RadialEntropy() {
    }

    public static double negEntropy(double[] radii, int d) {
        double[] r = radii.clone();
        Arrays.sort(r);
        int n = r.length;
        if (n < 4) {
            throw new IllegalArgumentException("need at least 4 radii, got " + n);
        }
        int m = Math.max(1, (int) Math.round(Math.sqrt(n)));
        double h = 0;
        double logR = 0;
        for (int i = 0; i < n; i++) {
            double spacing = r[Math.min(n - 1, i + m)] - r[Math.max(0, i - m)];
            h += Math.log(n / (2.0 * m) * Math.max(spacing, 1e-300));
            logR += Math.log(Math.max(r[i], 1e-300));
        }
        double entropy1d = h / n;
        double logSphere = Math.log(2) + 0.5 * d * Math.log(Math.PI) - Gamma.logGamma(0.5 * d);
        return -entropy1d - logSphere - (d - 1) * logR / n;
    }
}
