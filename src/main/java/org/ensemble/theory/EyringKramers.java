package org.ensemble.theory;

/**
 * The Eyring–Kramers mean exit time from minimum m over an index-1 saddle s:
 * τ = 2π/|λ₋(s)| · sqrt(|det H(s)| / det H(m)) · e^{β(V(s) − V(m))}
 * (in 1-D: 2π/sqrt(V''(m)|V''(s)|) · e^{βΔV}). Accurate as β·ΔV → ∞; the prefactor error is
 * O(1/(βΔV)).
 */
public final class EyringKramers {
    private EyringKramers() {
    }

    public static double mfpt(StationaryPoint minimum, StationaryPoint saddle, double beta) {
        double lambdaMinus = Math.abs(saddle.eigenvalues()[0]);
        double ratio = Math.abs(saddle.determinant()) / minimum.determinant();
        return 2 * Math.PI / lambdaMinus * Math.sqrt(ratio) * Math.exp(beta * (saddle.energy() - minimum.energy()));
    }
}
