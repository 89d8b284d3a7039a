package org.ensemble.meanfield;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The mean-field double well (Desai–Zwanzig): dX = −V'(X)dt − θ(X − m)dt + sqrt(2/β)dW with
 * V = (x² − 1)², m the population mean. Stationary states solve m = R(m) = E_{ρ_m}[x],
 * ρ_m ∝ e^{−β(V(x) + θ(x − m)²/2)}. Since ρ_m ∝ ρ₀(x)e^{βθmx} with ρ₀ ∝ e^{−β(V + θx²/2)}, R(m) is
 * K'(βθm) for K the log-moment generating function of ρ₀, and R'(0) = βθ·Var_{ρ₀}(x): the pitchfork
 * sits where that equals 1 (β_c). Above β_c, m* > 0 solves R(m) = m and the barrier per particle
 * for switching of a finite population is Δf = K(βθm*) − βθm*²/2 (../shared/reference).
 */
public final class DesaiZwanzig {
    private static final double TOL = 1e-14;
    private final double theta;

    public DesaiZwanzig(double theta) {
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("theta must be positive, got " + theta);
        }
        this.theta = theta;
    }

    public double theta() {
        return theta;
    }

    static double v(double x) {
        double q = x * x - 1;
        return q * q;
    }

    /** Moments of ρ₀ tilted by e^{h x}: log Z(h) − log Z(0) is K(h). */
    GibbsIntegrals.Moments tilted(double beta, double h) {
        return GibbsIntegrals.moments(x -> beta * (v(x) + 0.5 * theta * x * x) - h * x);
    }

    /** R(m) = E_{ρ_m}[x]. */
    public double selfConsistencyMap(double beta, double m) {
        return tilted(beta, beta * theta * m).mean();
    }

    /** R'(0) = βθ Var_{ρ₀}(x). */
    public double slopeAtZero(double beta) {
        return beta * theta * tilted(beta, 0).variance();
    }

    /** The critical inverse temperature, where R'(0) = 1. */
    public double criticalBeta() {
        double lo = 1e-3;
        double hi = 1;
        while (slopeAtZero(hi) < 1) {
            lo = hi;
            hi *= 2;
            if (hi > 1e4) {
                throw new IllegalStateException("no phase transition found for theta = " + theta);
            }
        }
        return new BrentSolver(TOL, TOL).solve(200, b -> slopeAtZero(b) - 1, lo, hi);
    }

    /** The positive stationary magnetisation m*(β) (0 at or below β_c). */
    public double magnetization(double beta) {
        if (slopeAtZero(beta) <= 1) {
            return 0;
        }
        // R(m) − m > 0 just above 0 and < 0 for large m (R is bounded by the well's reach).
        double hi = 0.5;
        while (selfConsistencyMap(beta, hi) - hi > 0) {
            hi *= 2;
        }
        double lo = 1e-9;
        while (selfConsistencyMap(beta, lo) - lo <= 0) {
            lo *= 10;
            if (lo >= hi) {
                return 0;
            }
        }
        return new BrentSolver(TOL, TOL).solve(500, m -> selfConsistencyMap(beta, m) - m, lo, hi);
    }

    /** Δf = K(βθm*) − βθm*²/2 (0 at or below β_c). */
    public double barrierPerParticle(double beta) {
        double m = magnetization(beta);
        if (m == 0) {
            return 0;
        }
        double k = tilted(beta, beta * theta * m).logZ() - tilted(beta, 0).logZ();
        return k - 0.5 * beta * theta * m * m;
    }
}
