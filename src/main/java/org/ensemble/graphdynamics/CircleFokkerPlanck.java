package org.ensemble.graphdynamics;

/**
 * The mean-field (McKean–Vlasov) Fokker–Planck equation of identical Kuramoto oscillators on the
 * circle, ∂ρ/∂t = −∂θ[(ω + K r sin(ψ − θ)) ρ] + D ∂θθ ρ with r e^{iψ} = ∫ e^{iθ} ρ dθ, by periodic
 * finite volumes (M cells on [0, 2π)) with Scharfetter–Gummel fluxes and explicit Euler sub-steps.
 * The drift across face i+½ is written as the difference of φ = r cos(θ − ψ) = C cos θ + S sin θ
 * between the two cells (plus ω·h), so for ω = 0 the scheme's discrete equilibrium is exactly
 * ρ_i ∝ exp((K/D) φ_i) = exp((K r/D) cos(θ_i − ψ)); fluxes telescope, so mass is conserved to
 * round-off. The sub-step respects the explicit bound dt·D/h²·(2 + |Pe|) ≤ 0.9.
 */
public final class CircleFokkerPlanck {
    private final int cells;
    private final double h;
    private final double coupling;
    private final double noise;
    private final double omega;
    private final double[] cos;
    private final double[] sin;
    private double[] rho;
    private double[] flux;
    private double time;

    public CircleFokkerPlanck(int cells, double coupling, double noise, double omega) {
        if (cells < 8 || !(noise > 0) || !Double.isFinite(coupling) || !Double.isFinite(omega)) {
            throw new IllegalArgumentException("circle Fokker–Planck needs ≥ 8 cells, D > 0, finite K and ω");
        }
        this.cells = cells;
        this.h = 2 * Math.PI / cells;
        this.coupling = coupling;
        this.noise = noise;
        this.omega = omega;
        cos = new double[cells];
        sin = new double[cells];
        for (int i = 0; i < cells; i++) {
            cos[i] = Math.cos(centre(i));
            sin[i] = Math.sin(centre(i));
        }
        rho = new double[cells];
        flux = new double[cells];
        java.util.Arrays.fill(rho, 1 / (2 * Math.PI));
    }

    public double centre(int i) {
        return (i + 0.5) * h;
    }

    public double cellWidth() {
        return h;
    }

    public int cells() {
        return cells;
    }

    public double time() {
        return time;
    }

    /** Density per cell (a copy). */
    public double[] density() {
        return rho.clone();
    }

    /** Starts from the wrapped normal law N(mean, σ²) mod 2π: exact cell averages (normal CDF over images). */
    public void startWrappedNormal(double mean, double sd) {
        for (int i = 0; i < cells; i++) {
            double m = 0;
            for (int k = -8; k <= 8; k++) {
                double a = (i * h - mean + 2 * Math.PI * k) / sd;
                double b = ((i + 1) * h - mean + 2 * Math.PI * k) / sd;
                m += normalCdf(b) - normalCdf(a);
            }
            rho[i] = m / h;
        }
        time = 0;
    }

    public void startUniform() {
        java.util.Arrays.fill(rho, 1 / (2 * Math.PI));
        time = 0;
    }

    private static double normalCdf(double z) {
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2));
    }

    public double mass() {
        double m = 0;
        for (double v : rho) {
            m += v;
        }
        return m * h;
    }

    /** (C, S) = ∫ (cos θ, sin θ) ρ dθ (midpoint rule: spectrally accurate for smooth periodic ρ). */
    public double[] moments() {
        double c = 0;
        double s = 0;
        for (int i = 0; i < cells; i++) {
            c += rho[i] * cos[i];
            s += rho[i] * sin[i];
        }
        return new double[] {c * h, s * h};
    }

    public double orderParameter() {
        double[] m = moments();
        return Math.hypot(m[0], m[1]);
    }

    public void advanceTo(double until) {
        double peMax = h * (Math.abs(omega) + 2 * Math.abs(coupling)) / noise;
        double dtMax = 0.9 * h * h / (noise * (2 + peMax));
        while (time < until - 1e-15) {
            double dt = Math.min(dtMax, until - time);
            step(dt);
        }
    }

    private void step(double dt) {
        double[] m = moments();
        for (int i = 0; i < cells; i++) {
            int j = i + 1 == cells ? 0 : i + 1;
            double dphi = m[0] * (cos[j] - cos[i]) + m[1] * (sin[j] - sin[i]);
            double pe = (omega * h + coupling * dphi) / noise;
            flux[i] = noise / h * (bernoulli(-pe) * rho[i] - bernoulli(pe) * rho[j]);
        }
        double c = dt / h;
        double[] out = new double[cells];
        for (int i = 0; i < cells; i++) {
            int left = i == 0 ? cells - 1 : i - 1;
            out[i] = rho[i] + c * (flux[left] - flux[i]);
        }
        rho = out;
        time += dt;
    }

    /** B(x) = x/(eˣ − 1), B(0) = 1 (series near 0 to avoid cancellation). */
    static double bernoulli(double x) {
        if (Math.abs(x) < 1e-6) {
            return 1 - x / 2 + x * x / 12;
        }
        return x / Math.expm1(x);
    }

    /** The stationary law of the discrete scheme at this r, ψ: ρ_i ∝ exp((K r/D) cos(θ_i − ψ)) (ω = 0), normalised. */
    public double[] vonMisesLaw(double r, double psi) {
        double[] out = new double[cells];
        double z = 0;
        for (int i = 0; i < cells; i++) {
            out[i] = Math.exp(coupling * r / noise * Math.cos(centre(i) - psi));
            z += out[i];
        }
        for (int i = 0; i < cells; i++) {
            out[i] /= z * h;
        }
        return out;
    }
}
