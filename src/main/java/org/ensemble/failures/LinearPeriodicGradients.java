package org.ensemble.failures;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.ensemble.data.LinearPeriodicData;
import org.ensemble.network.Activation;

/**
 * How much the population gradient of the square loss on y = cos⟨w*, x⟩, x ~ N(0, I_d), depends on the
 * direction of w* = r·u, for a fixed two-layer network f = s·Σ a_i σ(⟨w_i, x⟩ + b_i).
 *
 * <p>∇L = E[f∇f] − E[cos⟨w*, x⟩ ∇f], and only h(w*) = E[cos⟨w*, x⟩ ∇f(x)] depends on w*. For neuron i write
 * ρ = ‖w_i‖, ŵ = w_i/ρ, S = ⟨ŵ, x⟩ ~ N(0, 1), α = ⟨w*, ŵ⟩ = r·t with t = ⟨u, ŵ⟩, w⊥ = w* − αŵ, β = ‖w⊥‖, so
 * ⟨w*, x⟩ = αS + B with B = ⟨w⊥, x⟩ ~ N(0, β²) independent of S. Two Gaussian facts give everything:
 * E cos(c + B) = cos(c)·e^{−β²/2}, E sin(c + B) = sin(c)·e^{−β²/2} (the characteristic function of B), and Stein's
 * identity E[x′F(B)] = w⊥E[F′(B)] for the part x′ of x orthogonal to ŵ. Hence, with σ_i = σ(ρS + b_i),
 * <pre>
 *   h_a,i = s·e^{−β²/2}·E[cos(αS) σ_i]
 *   h_b,i = s·a_i·e^{−β²/2}·E[cos(αS) σ′_i]
 *   h_w,i = s·a_i·e^{−β²/2}·( ŵ·E[cos(αS) σ′_i S] − w⊥·E[sin(αS) σ′_i] )
 * </pre>
 * Every term carries e^{−β²/2} = e^{−r²/2}·e^{α²/2}, and for a direction u uniform on the sphere α = r·t is small
 * (t has density ∝ (1 − t²)^{(d−3)/2}, E t² = 1/d). So the variance over directions is
 * Var(r) = e^{−r²}·Q(r): every term of Q is even in α, its leading part is r⁴ (the sin term: β²·α² = r⁴t²(1 − t²);
 * the even terms: Var_t(α²) = r⁴·Var(t²)), so ln Var = −r² + 4 ln r + const + O(r²/d). {@link #closedForm} evaluates
 * Var(r) exactly as a one-dimensional integral over t (composite Gauss–Legendre) of one-dimensional Gaussian
 * expectations over S (Gauss–Hermite): per neuron, Var = E_t‖h_i‖² − ‖E_t h_i‖², where E_u[w⊥ | t] = 0 so the
 * w⊥ part has mean zero and ‖h_w,i‖² = s²a_i²e^{−β²}(E[cos(αS)σ′S]² + β²E[sin(αS)σ′]²); the components of
 * different neurons are different coordinates of ∇L, so their variances add. {@link #sampled} draws directions
 * and computes each direction's population gradient from the formulas above with its own α_i, β_i.
 */
final class LinearPeriodicGradients {
    /** Probabilists' Gauss–Hermite nodes for E over S ~ N(0, 1); 96 nodes resolve cos(αS) for |α| ≤ 6 to ~1e-14. */
    private static final int HERMITE = 96;
    /** Panels of 10-point Gauss–Legendre over t ∈ [−1, 1]. */
    private static final int PANELS = 64;

    private final TwoLayerNetwork net;
    private final double[] sNodes;
    private final double[] sWeights;
    /** σ(ρ_i S_k + b_i), σ′(ρ_i S_k + b_i) per neuron i and node k. */
    private final double[][] sig;
    private final double[][] dsig;
    private final double[][] hat;

    LinearPeriodicGradients(TwoLayerNetwork net) {
        this.net = net;
        GaussIntegrator gh = new GaussIntegratorFactory().hermite(HERMITE);
        sNodes = new double[HERMITE];
        sWeights = new double[HERMITE];
        for (int k = 0; k < HERMITE; k++) {
            sNodes[k] = Math.sqrt(2) * gh.getPoint(k);
            sWeights[k] = gh.getWeight(k) / Math.sqrt(Math.PI);
        }
        int n = net.width();
        int d = net.dimension();
        Activation act = net.spec().activation();
        sig = new double[n][HERMITE];
        dsig = new double[n][HERMITE];
        hat = new double[n][d];
        for (int i = 0; i < n; i++) {
            double rho = 0;
            for (int c = 0; c < d; c++) {
                rho += net.w()[i * d + c] * net.w()[i * d + c];
            }
            rho = Math.sqrt(rho);
            for (int c = 0; c < d; c++) {
                hat[i][c] = net.w()[i * d + c] / rho;
            }
            for (int k = 0; k < HERMITE; k++) {
                double h = rho * sNodes[k] + net.b()[i];
                sig[i][k] = act.value(h);
                dsig[i][k] = act.derivative(h);
            }
        }
    }

    /** The four Gaussian expectations of neuron i at α: E[cos(αS)σ], E[cos(αS)σ′], E[cos(αS)σ′S], E[sin(αS)σ′]. */
    private double[] moments(int i, double alpha) {
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        double s1 = 0;
        for (int k = 0; k < HERMITE; k++) {
            double wk = sWeights[k];
            double cs = Math.cos(alpha * sNodes[k]);
            double sn = Math.sin(alpha * sNodes[k]);
            c0 += wk * cs * sig[i][k];
            c1 += wk * cs * dsig[i][k];
            c2 += wk * cs * dsig[i][k] * sNodes[k];
            s1 += wk * sn * dsig[i][k];
        }
        return new double[] {c0, c1, c2, s1};
    }

    /** h(w*) = E[cos⟨w*, x⟩ ∇f(x)], parameter order of {@link TwoLayerNetwork#gradient}. */
    double[] populationTerm(double[] wStar) {
        int n = net.width();
        int d = net.dimension();
        double s = net.scale();
        double r2 = 0;
        for (double v : wStar) {
            r2 += v * v;
        }
        double[] out = new double[net.parameters()];
        for (int i = 0; i < n; i++) {
            double alpha = 0;
            for (int c = 0; c < d; c++) {
                alpha += wStar[c] * hat[i][c];
            }
            double beta2 = Math.max(0, r2 - alpha * alpha);
            double e = Math.exp(-beta2 / 2);
            double[] m = moments(i, alpha);
            double ai = net.a()[i];
            int o = i * (d + 2);
            out[o] = s * e * m[0];
            out[o + 1] = s * ai * e * m[1];
            for (int c = 0; c < d; c++) {
                double perp = wStar[c] - alpha * hat[i][c];
                out[o + 2 + c] = s * ai * e * (hat[i][c] * m[2] - perp * m[3]);
            }
        }
        return out;
    }

    /** Var over u uniform on S^{d−1} of h(r·u), exactly (quadrature over t and S). */
    double closedForm(double r) {
        int d = net.dimension();
        if (d < 2) {
            throw new IllegalArgumentException("directions vary only for d ≥ 2");
        }
        int q = PANELS * org.ensemble.theory.GaussLegendre.points();
        double[] t = new double[q];
        double[] wt = new double[q];
        double total = 0;
        double h = 2.0 / PANELS;
        for (int p = 0; p < PANELS; p++) {
            for (int g = 0; g < org.ensemble.theory.GaussLegendre.points(); g++) {
                int j = p * org.ensemble.theory.GaussLegendre.points() + g;
                t[j] = -1 + h * (p + (org.ensemble.theory.GaussLegendre.node(g) + 1) / 2);
                wt[j] = h / 2 * org.ensemble.theory.GaussLegendre.weight(g) * Math.pow(1 - t[j] * t[j], (d - 3) / 2.0);
                total += wt[j];
            }
        }
        double s = net.scale();
        double var = 0;
        for (int i = 0; i < net.width(); i++) {
            double ai = net.a()[i];
            double[] sq = new double[3];
            double[] mean = new double[3];
            for (int j = 0; j < q; j++) {
                double p = wt[j] / total;
                double alpha = r * t[j];
                double beta2 = r * r * (1 - t[j] * t[j]);
                double e = Math.exp(-beta2 / 2);
                double[] m = moments(i, alpha);
                double ha = e * m[0];
                double hb = ai * e * m[1];
                double hw = ai * e * m[2];
                sq[0] += p * ha * ha;
                sq[1] += p * hb * hb;
                sq[2] += p * (hw * hw + ai * ai * e * e * beta2 * m[3] * m[3]);
                mean[0] += p * ha;
                mean[1] += p * hb;
                mean[2] += p * hw;
            }
            for (int c = 0; c < 3; c++) {
                var += s * s * (sq[c] - mean[c] * mean[c]);
            }
        }
        return var;
    }

    /** A Monte Carlo estimate over {@code directions} random directions: variance and its standard error. */
    record Sampled(double r, int directions, double variance, double standardError) {
    }

    /**
     * The sample variance (1/(M − 1))Σ‖h_m − h̄‖² of the population term over M directions u_m uniform on the
     * sphere (direction m of {@code seed}); SE = sd_m‖h_m − h̄‖²/√M (delta method).
     */
    Sampled sampled(double r, int directions, long seed) {
        int d = net.dimension();
        double[][] h = new double[directions][];
        double[] mean = new double[net.parameters()];
        for (int m = 0; m < directions; m++) {
            double[] u = LinearPeriodicData.unitDirection(d, seed, m);
            for (int c = 0; c < d; c++) {
                u[c] *= r;
            }
            h[m] = populationTerm(u);
            for (int p = 0; p < mean.length; p++) {
                mean[p] += h[m][p] / directions;
            }
        }
        double[] dev = new double[directions];
        double sum = 0;
        for (int m = 0; m < directions; m++) {
            double s = 0;
            for (int p = 0; p < mean.length; p++) {
                double x = h[m][p] - mean[p];
                s += x * x;
            }
            dev[m] = s;
            sum += s;
        }
        double var = sum / (directions - 1);
        double mu = sum / directions;
        double ss = 0;
        for (double x : dev) {
            ss += (x - mu) * (x - mu);
        }
        double se = Math.sqrt(ss / (directions - 1)) / Math.sqrt(directions) * directions / (directions - 1.0);
        return new Sampled(r, directions, var, se);
    }
}
