package org.ensemble.meanfield;

import java.util.Arrays;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.ensemble.network.Activation;

/**
 * Exact reduced distributional dynamics of Mei–Montanari–Nguyen's isotropic-Gaussian example
 * (y = ±1, x ~ N(0, (1+Δy)² I_d), f(x) = mean of σ(⟨w_i, x⟩)). A rotation-invariant law of w stays
 * rotation invariant and the velocity is radial, so only the law of r = |w| moves:
 * <pre>
 *   F(s)  = ∫ Φ(r s) ρ(dr),              Φ(a) = E_u[σ(a u)]
 *   dr/dt = g(r) = E_{y,s}[(y − F(s)) s Ψ(r s)],  Ψ(a) = E_u[σ'(a u) u] = Φ'(a)
 *   R     = ½ E_{y,s}[(y − F(s))²]
 * </pre>
 * with s = |x| ((1+Δy)·chi_d) and u the first coordinate of a uniform point on S^{d−1}. The radius
 * law is M equally weighted quantile nodes moved by g (1-D transport preserves order, so this is the
 * Lagrangian discretisation of the continuity equation); the s-expectation is Gauss–Legendre on ±12
 * sd of chi_d with K nodes per class.
 *
 * <p>Φ, Ψ: the ramp and ReLU in closed form (incomplete beta), tanh/sigmoid by Gauss–Jacobi in u with
 * weight (1−u²)^{(d−3)/2}. Both are odd/even-symmetric so for tanh Φ ≡ 0 and for sigmoid Φ ≡ ½, Ψ ≡ 0
 * exactly (the degenerate case of the reference); the symmetric rule reproduces that to rounding.
 * The hot loop does not call the incomplete beta (about 1 µs each, M·2K per stage): Φ and Ψ are
 * tabulated on a uniform grid in a = r·s with cubic Hermite interpolation from exact values and
 * exact derivatives (Φ' = Ψ, Ψ' in closed form). For d ≥ 6 the interpolation error is below 1e-10
 * at the default 256 nodes per unit of a (checked in the test); for d < 6 Ψ' is discontinuous or
 * singular at the ramp's kinks, so the exact closed forms are used directly (slow); ReLU never
 * needs the table. Beyond a = 1024 the exact forms are used too (keeps the table ≤ 8 MB).
 *
 * <p>Accuracy (d = 40, Δ = 0.5, ramp, σ0 = 1; see the test): K = 64 s-nodes are converged to 1e-12,
 * RK4 at dt = 0.04 to 2e-8; the quantile discretisation error falls like 1/M (the quantile
 * function is unbounded at the ends), |R_1000 − R_2000| ≤ 1.1e-6 on t ∈ [0, 50]. Cost ∝ M·K/dt:
 * M = 2000, K = 64, dt = 0.04 ≈ 0.55 s CPU per unit time; K = 200, dt = 0.01 ≈ 7 s.
 */
public final class RadialMeanFieldOde {
    /** Default table resolution in a = r·s: interpolation error O(h⁴·Φ⁗) ≲ 1e-10 for d = 40. */
    public static final int DEFAULT_TABLE_NODES_PER_UNIT = 256;
    /** Gauss–Jacobi nodes in u for tanh/sigmoid. */
    public static final int DEFAULT_U_NODES = 96;
    /** Beyond this |a| = r·s the table would be absurdly large; radii that big mean the flow blew up. */
    private static final double A_LIMIT = 1e6;
    /** The table stops here (≤ 8 MB at 256 nodes per unit); beyond it the exact forms are used. */
    private static final double TABLE_A_MAX = 1024;
    /** Half-width of the chi_d window in standard deviations: the density outside is below 1e-30. */
    private static final double CHI_WINDOW_SD = 12;

    private final int d;
    private final double delta;
    private final Activation act;
    private final int m;
    private final int k;
    private final double betaNorm; // B = ∫_{−1}^{1} (1−u²)^{(d−3)/2} du
    private final double jScale; // 1 / ((d−1) B)
    private final double[] sNodes; // 2K: class +1 then class −1
    private final double[] sWeights; // include the ½ class probability, sum 1
    private final double[] sLabels;
    private final double[] uNodes;
    private final double[] uWeights;
    private final boolean useTable;
    private final double tableH;
    private double[] table = new double[0]; // per node j: Φ, h·Φ', Ψ, h·Ψ'
    private int tableLast = -1; // highest node index filled
    // Scratch reused across calls (not thread safe, by design: one instance per integration).
    private final double[] fBuf;

    public RadialMeanFieldOde(int d, double delta, Activation act, int quantileNodes, int sNodes) {
        this(d, delta, act, quantileNodes, sNodes, DEFAULT_TABLE_NODES_PER_UNIT, DEFAULT_U_NODES);
    }

    /**
     * @param tableNodesPerUnit grid density of the Φ/Ψ table in a = r·s; 0 forces exact closed forms
     *     (or quadrature) in the hot loop
     * @param uNodes Gauss–Jacobi nodes for tanh/sigmoid
     */
    public RadialMeanFieldOde(int d, double delta, Activation act, int quantileNodes, int sNodes,
            int tableNodesPerUnit, int uNodes) {
        if (d < 2) {
            throw new IllegalArgumentException("dimension d must be ≥ 2, got " + d);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("Δ must be in [0, 1), got " + delta);
        }
        if (act == null) {
            throw new IllegalArgumentException("activation is required");
        }
        if (quantileNodes < 2) {
            throw new IllegalArgumentException("need at least 2 quantile nodes, got " + quantileNodes);
        }
        if (sNodes < 2) {
            throw new IllegalArgumentException("need at least 2 s-nodes, got " + sNodes);
        }
        if (tableNodesPerUnit < 0 || uNodes < 2) {
            throw new IllegalArgumentException("table nodes per unit must be ≥ 0 and u-nodes ≥ 2, got "
                    + tableNodesPerUnit + ", " + uNodes);
        }
        this.d = d;
        this.delta = delta;
        this.act = act;
        this.m = quantileNodes;
        this.k = sNodes;
        double alpha = (d - 3) / 2.0;
        // B = Beta(1/2, (d−1)/2) (substitute v = u²).
        this.betaNorm = Math.exp(Beta.logBeta(0.5, (d - 1) / 2.0));
        this.jScale = 1.0 / ((d - 1) * betaNorm);
        // ReLU's closed forms are as cheap as a lookup; the ramp's Ψ' is not continuous for d < 6.
        this.useTable = tableNodesPerUnit > 0 && act.kind() != Activation.Kind.RELU
                && (d >= 6 || act.kind() != Activation.Kind.RAMP);
        this.tableH = tableNodesPerUnit > 0 ? 1.0 / tableNodesPerUnit : 0;

        if (act.kind() == Activation.Kind.TANH || act.kind() == Activation.Kind.SIGMOID) {
            double[][] gj = gaussJacobi(uNodes, alpha);
            this.uNodes = gj[0];
            this.uWeights = gj[1];
        } else {
            this.uNodes = new double[0];
            this.uWeights = new double[0];
        }

        // chi_d nodes: Gauss–Legendre on [max(0, mean − 12 sd), mean + 12 sd], density in log form.
        double mean = Math.sqrt(2) * Math.exp(Gamma.logGamma((d + 1) / 2.0) - Gamma.logGamma(d / 2.0));
        double sd = Math.sqrt(Math.max(d - mean * mean, 0));
        double lo = Math.max(0, mean - CHI_WINDOW_SD * sd);
        double hi = mean + CHI_WINDOW_SD * sd;
        double[][] gl = gaussJacobi(sNodes, 0);
        double[] chi = new double[sNodes];
        double[] cw = new double[sNodes];
        double logNorm = (1 - d / 2.0) * Math.log(2) - Gamma.logGamma(d / 2.0);
        double total = 0;
        for (int i = 0; i < sNodes; i++) {
            chi[i] = 0.5 * (lo + hi) + 0.5 * (hi - lo) * gl[0][i];
            double logDens = logNorm + (d - 1) * Math.log(chi[i]) - 0.5 * chi[i] * chi[i];
            cw[i] = gl[1][i] * 0.5 * (hi - lo) * 2 * Math.exp(logDens); // gl weights sum to 1 here
            total += cw[i];
        }
        // Renormalise so constants integrate exactly (the discarded tail mass is < 1e-30).
        this.sNodes = new double[2 * sNodes];
        this.sWeights = new double[2 * sNodes];
        this.sLabels = new double[2 * sNodes];
        for (int c = 0; c < 2; c++) {
            double y = c == 0 ? 1 : -1;
            for (int i = 0; i < sNodes; i++) {
                this.sNodes[c * sNodes + i] = (1 + y * delta) * chi[i];
                this.sWeights[c * sNodes + i] = 0.5 * cw[i] / total;
                this.sLabels[c * sNodes + i] = y;
            }
        }
        this.fBuf = new double[2 * sNodes];
    }

    public int dimension() {
        return d;
    }

    public double delta() {
        return delta;
    }

    public Activation activation() {
        return act;
    }

    public int quantileNodes() {
        return m;
    }

    public int sNodes() {
        return k;
    }

    /** M quantile radii of σ0·sqrt(χ²_d/d) at levels (m+½)/M, ascending. */
    public double[] initialRadii(double sigma0) {
        if (!(sigma0 > 0) || !Double.isFinite(sigma0)) {
            throw new IllegalArgumentException("σ0 must be positive and finite, got " + sigma0);
        }
        ChiSquaredDistribution chi2 = new ChiSquaredDistribution(null, d, 1e-13);
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = sigma0 * Math.sqrt(chi2.inverseCumulativeProbability((i + 0.5) / m) / d);
        }
        return r;
    }

    /** Population risk R = ½ E[(y − F(s))²] of the equally weighted radial law on {@code radii}. */
    public double risk(double[] radii) {
        check(radii);
        computeF(radii);
        return riskFromF();
    }

    /** g(r_m) for every node, given the law of all nodes. */
    public double[] velocity(double[] radii) {
        double[] out = new double[radii.length];
        velocityInto(radii, out);
        return out;
    }

    /** The regression function F(s) = f(x) at |x| = s for the law on {@code radii}. */
    public double networkAt(double[] radii, double s) {
        check(radii);
        double sum = 0;
        for (double r : radii) {
            double a = r * s;
            sum += exactPhi(Math.abs(a));
        }
        return sum / radii.length;
    }

    private void velocityInto(double[] radii, double[] out) {
        check(radii);
        int n = radii.length;
        int ns = sNodes.length;
        computeF(radii);
        // c_k = w_k (y_k − F_k) s_k; then g_m = Σ_k Ψ(r_m s_k) c_k.
        double[] c = new double[ns];
        for (int q = 0; q < ns; q++) {
            c[q] = sWeights[q] * (sLabels[q] - fBuf[q]) * sNodes[q];
        }
        double[] sn = sNodes;
        if (useTable) {
            double[] tab = table; // computeF made it cover max |r|·s up to TABLE_A_MAX
            double invH = 1 / tableH;
            double capX = TABLE_A_MAX * invH;
            for (int i = 0; i < n; i++) {
                double r = radii[i];
                double ar = Math.abs(r) * invH;
                double g = 0;
                for (int q = 0; q < ns; q++) {
                    double x = ar * sn[q];
                    if (x >= capX) {
                        g += exactPsi(Math.abs(r) * sn[q]) * c[q];
                        continue;
                    }
                    int j = (int) x;
                    double t = x - j;
                    double t1 = 1 - t;
                    int p = 4 * j;
                    // cubic Hermite: ((1+2t)Ψ_j + t·hΨ'_j)(1−t)² + (t(3−2t)Ψ_{j+1} − t(1−t)·hΨ'_{j+1})·t
                    double psi = ((1 + 2 * t) * tab[p + 2] + t * tab[p + 3]) * t1 * t1
                            + ((3 - 2 * t) * tab[p + 6] - t1 * tab[p + 7]) * t * t;
                    g += psi * c[q];
                }
                out[i] = r < 0 ? -g : g; // Ψ is odd in a (u → −u)
            }
        } else {
            double[] v = new double[3];
            for (int i = 0; i < n; i++) {
                double r = radii[i];
                double g = 0;
                for (int q = 0; q < ns; q++) {
                    exact(Math.abs(r) * sn[q], v);
                    g += v[1] * c[q];
                }
                out[i] = r < 0 ? -g : g;
            }
        }
    }

    private double riskFromF() {
        double r = 0;
        for (int q = 0; q < sNodes.length; q++) {
            double e = sLabels[q] - fBuf[q];
            r += sWeights[q] * e * e;
        }
        return 0.5 * r;
    }

    /** F at every s-node into fBuf (and makes the table cover max |r|·s). */
    private void computeF(double[] radii) {
        int n = radii.length;
        int ns = sNodes.length;
        Arrays.fill(fBuf, 0);
        double maxR = 0;
        for (double r : radii) {
            maxR = Math.max(maxR, Math.abs(r));
        }
        double maxA = maxR * sNodes[k - 1]; // largest s: last node of class +1 (scale 1 + Δ)
        if (maxA > A_LIMIT) {
            throw new IllegalArgumentException("risk diverging: radius " + maxR + " makes r·|x| = " + maxA
                    + " (> " + A_LIMIT + "); reduce dt");
        }
        double[] fb = fBuf;
        double[] sn = sNodes;
        if (useTable) {
            ensureTable(Math.min(maxA, TABLE_A_MAX));
            double[] tab = table;
            double invH = 1 / tableH;
            double capX = TABLE_A_MAX * invH;
            for (int i = 0; i < n; i++) {
                double ar = Math.abs(radii[i]) * invH; // Φ is even in a
                for (int q = 0; q < ns; q++) {
                    double x = ar * sn[q];
                    if (x >= capX) {
                        fb[q] += exactPhi(x * tableH);
                        continue;
                    }
                    int j = (int) x;
                    double t = x - j;
                    double t1 = 1 - t;
                    int p = 4 * j;
                    fb[q] += ((1 + 2 * t) * tab[p] + t * tab[p + 1]) * t1 * t1
                            + ((3 - 2 * t) * tab[p + 4] - t1 * tab[p + 5]) * t * t;
                }
            }
        } else {
            double[] v = new double[3];
            for (int i = 0; i < n; i++) {
                double r = Math.abs(radii[i]);
                for (int q = 0; q < ns; q++) {
                    exact(r * sn[q], v);
                    fb[q] += v[0];
                }
            }
        }
        for (int q = 0; q < ns; q++) {
            fb[q] /= n;
        }
    }

    private void ensureTable(double maxA) {
        int need = (int) Math.ceil(maxA / tableH) + 2;
        if (need <= tableLast) {
            return;
        }
        int cap = (int) Math.ceil(TABLE_A_MAX / tableH) + 2;
        int target = Math.min(cap, Math.max(need, (int) Math.ceil(1.5 * (tableLast + 1)))); // grow geometrically
        double[] nt = Arrays.copyOf(table, 4 * (target + 1));
        double[] v = new double[3];
        for (int j = tableLast + 1; j <= target; j++) {
            exact(j * tableH, v);
            nt[4 * j] = v[0];
            nt[4 * j + 1] = tableH * v[1]; // Φ' = Ψ
            nt[4 * j + 2] = v[1];
            nt[4 * j + 3] = tableH * v[2];
        }
        table = nt;
        tableLast = target;
    }

    // ---------------------------------------------------------------------------------------
    // Exact u-integrals.

    /** Φ(a) = E_u[σ(a u)] without the table (a ≥ 0). */
    public double exactPhi(double a) {
        double[] v = new double[3];
        exact(a, v);
        return v[0];
    }

    /** Ψ(a) = E_u[σ'(a u) u] without the table (a ≥ 0). */
    public double exactPsi(double a) {
        double[] v = new double[3];
        exact(a, v);
        return v[1];
    }

    /** Φ(a) through the table path when it is used (for accuracy checks). */
    public double tabulatedPhi(double a) {
        return interpolate(a, 0);
    }

    /** Ψ(a) through the table path when it is used (for accuracy checks). */
    public double tabulatedPsi(double a) {
        return interpolate(a, 2);
    }

    private double interpolate(double a, int off) {
        if (!useTable || a >= TABLE_A_MAX) {
            return off == 0 ? exactPhi(a) : exactPsi(a);
        }
        ensureTable(a);
        double x = a / tableH;
        int j = (int) x;
        double t = x - j;
        double t1 = 1 - t;
        int p = 4 * j + off;
        return (1 + 2 * t) * t1 * t1 * table[p] + t * t1 * t1 * table[p + 1] + t * t * (3 - 2 * t) * table[p + 4]
                - t * t * t1 * table[p + 5];
    }

    /** v = {Φ(a), Ψ(a), Ψ'(a)} for a ≥ 0. */
    private void exact(double a, double[] v) {
        switch (act.kind()) {
            case RAMP -> {
                double slope = act.rampSlope();
                v[0] = act.s1() + slope * (plusPart(a, act.t1()) - plusPart(a, act.t2()));
                v[1] = slope * (jTail(act.t1(), a) - jTail(act.t2(), a));
                v[2] = slope * (jTailDerivative(act.t1(), a) - jTailDerivative(act.t2(), a));
            }
            case RELU -> {
                // σ = (h)_+: Φ = a·E[u; u>0], Ψ = E[u; u>0].
                v[0] = a * jScale;
                v[1] = jScale;
                v[2] = 0;
            }
            case TANH, SIGMOID -> {
                double p = 0;
                double q = 0;
                double dq = 0;
                for (int i = 0; i < uNodes.length; i++) {
                    double u = uNodes[i];
                    double h = a * u;
                    double s;
                    double ds;
                    double dds;
                    if (act.kind() == Activation.Kind.TANH) {
                        s = Math.tanh(h);
                        ds = 1 - s * s;
                        dds = -2 * s * ds;
                    } else {
                        s = 1 / (1 + Math.exp(-h));
                        ds = s * (1 - s);
                        dds = ds * (1 - 2 * s);
                    }
                    p += uWeights[i] * s;
                    q += uWeights[i] * ds * u;
                    dq += uWeights[i] * dds * u * u;
                }
                v[0] = p;
                v[1] = q;
                v[2] = dq;
            }
        }
    }

    /** E_u[(a u − c)_+] for a ≥ 0. */
    double plusPart(double a, double c) {
        if (a <= 0) {
            return Math.max(-c, 0);
        }
        return a * hTail(c / a);
    }

    /** H(b) = E[(u − b)_+]; uses symmetry for b < 0 so the tail probability is never 1 − tiny. */
    double hTail(double b) {
        if (b >= 1) {
            return 0;
        }
        if (b <= -1) {
            return -b;
        }
        if (b < 0) {
            return -b + hTail(-b); // (u − b)_+ = (u − b) + (b − u)_+ and E u = 0, −u ~ u
        }
        return jTail(b, 1) - b * upperTail(b);
    }

    /** P(u > b) for b ∈ [0, 1): ½ P(u² > b²) = ½ I_{1−b²}((d−1)/2, ½). */
    double upperTail(double b) {
        return 0.5 * Beta.regularizedBeta(1 - b * b, (d - 1) / 2.0, 0.5, 1e-15, 10000);
    }

    /** J(t/a) = E[u; u > t/a] = (1 − b²)^{(d−1)/2} / ((d−1) B) for |b| < 1, else 0 (E u = 0). */
    private double jTail(double t, double a) {
        if (a <= 0) {
            return 0; // b = ±∞ (for t = 0, a = 0 the convention σ'(0)·u averages to 0)
        }
        double b = t / a;
        if (b >= 1 || b <= -1) {
            return 0;
        }
        return jScale * Math.pow(1 - b * b, (d - 1) / 2.0);
    }

    /** d/da J(t/a) = t² p(t/a) / a³ with p the density of u. */
    private double jTailDerivative(double t, double a) {
        if (a <= 0) {
            return 0;
        }
        double b = t / a;
        if (b >= 1 || b <= -1) {
            return 0;
        }
        return t * t / (a * a * a) * Math.pow(1 - b * b, (d - 3) / 2.0) / betaNorm;
    }

    // ---------------------------------------------------------------------------------------
    // Time integration.

    public record Solution(double[] times, double[] risk, double[][] radii) {
    }

    /** Classical RK4 with step dt; the last step before each report time is shortened to land on it. */
    public Solution solve(double[] radii0, double dt, double[] reportTimes) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be positive and finite, got " + dt);
        }
        check(radii0);
        if (reportTimes == null || reportTimes.length == 0) {
            throw new IllegalArgumentException("need at least one report time");
        }
        for (int i = 0; i < reportTimes.length; i++) {
            if (!(reportTimes[i] >= 0) || !Double.isFinite(reportTimes[i])
                    || (i > 0 && reportTimes[i] < reportTimes[i - 1])) {
                throw new IllegalArgumentException("report times must be finite, ≥ 0 and ascending: "
                        + Arrays.toString(reportTimes));
            }
        }
        int n = radii0.length;
        double[] r = radii0.clone();
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] tmp = new double[n];
        double[] times = reportTimes.clone();
        double[] risks = new double[times.length];
        double[][] snaps = new double[times.length][];
        double t = 0;
        double risk0 = risk(r);
        for (int rep = 0; rep < times.length; rep++) {
            double target = times[rep];
            while (t < target) {
                double h = Math.min(dt, target - t);
                if (target - t - h < 1e-12 * dt) {
                    h = target - t; // absorb rounding so we land exactly
                }
                velocityInto(r, k1);
                for (int i = 0; i < n; i++) {
                    tmp[i] = r[i] + 0.5 * h * k1[i];
                }
                velocityInto(tmp, k2);
                for (int i = 0; i < n; i++) {
                    tmp[i] = r[i] + 0.5 * h * k2[i];
                }
                velocityInto(tmp, k3);
                for (int i = 0; i < n; i++) {
                    tmp[i] = r[i] + h * k3[i];
                }
                velocityInto(tmp, k4);
                for (int i = 0; i < n; i++) {
                    r[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                    if (!Double.isFinite(r[i])) {
                        throw new IllegalArgumentException("risk diverging: non-finite radius at t = " + (t + h)
                                + " (dt = " + dt + " too large?)");
                    }
                }
                t = (target - t - h == 0) ? target : t + h;
            }
            risks[rep] = risk(r);
            if (!(risks[rep] <= 1e3 * Math.max(risk0, 1))) {
                // The flow is a gradient flow of R: it cannot increase unless the integrator is unstable.
                throw new IllegalArgumentException("risk diverging: R = " + risks[rep] + " at t = " + target
                        + " from R(0) = " + risk0 + "; reduce dt");
            }
            double[] snap = r.clone();
            Arrays.sort(snap);
            snaps[rep] = snap;
        }
        return new Solution(times, risks, snaps);
    }

    private static void check(double[] radii) {
        if (radii == null || radii.length == 0) {
            throw new IllegalArgumentException("need at least one radius");
        }
        for (double r : radii) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("non-finite radius " + r);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Helpers.

    /**
     * Gauss–Jacobi rule with α = β = {@code alpha} on [−1, 1] by Golub–Welsch, weights normalised to
     * sum 1 (so it computes expectations under the density ∝ (1−u²)^α). {alpha = 0}: Gauss–Legendre.
     */
    static double[][] gaussJacobi(int n, double alpha) {
        double[] diag = new double[n];
        double[] off = new double[n - 1];
        for (int i = 1; i < n; i++) {
            // Monic recurrence coefficient β_i for symmetric Jacobi; β_1 = 1/(2α+3) avoids 0/0 at α = −½.
            double beta = i == 1 ? 1 / (2 * alpha + 3)
                    : i * (i + 2 * alpha) / ((2 * i + 2 * alpha + 1) * (2 * i + 2 * alpha - 1));
            off[i - 1] = Math.sqrt(beta);
        }
        EigenDecomposition ed = new EigenDecomposition(diag, off);
        double[] x = new double[n];
        double[] w = new double[n];
        Integer[] idx = new Integer[n];
        double[] ev = ed.getRealEigenvalues();
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> Double.compare(ev[p], ev[q]));
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int j = idx[i];
            x[i] = ev[j];
            double v0 = ed.getEigenvector(j).getEntry(0);
            w[i] = v0 * v0;
            sum += w[i];
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        // Symmetrise: nodes come in ± pairs, so the rule is exact on odd functions.
        for (int i = 0; i < n / 2; i++) {
            double xx = 0.5 * (x[n - 1 - i] - x[i]);
            double ww = 0.5 * (w[i] + w[n - 1 - i]);
            x[i] = -xx;
            x[n - 1 - i] = xx;
            w[i] = ww;
            w[n - 1 - i] = ww;
        }
        if (n % 2 == 1) {
            x[n / 2] = 0;
        }
        return new double[][] {x, w};
    }

    /**
     * Exact W2 between two equally weighted empirical laws (sorted samples, sizes may differ):
     * W2² = ∫₀¹ (Q_A − Q_B)² over the merged breakpoints i/n ∪ j/m, done in integers on the n·m scale.
     */
    public static double w2(double[] sortedA, double[] sortedB) {
        checkSorted(sortedA, "first");
        checkSorted(sortedB, "second");
        long n = sortedA.length;
        long mm = sortedB.length;
        int i = 0;
        int j = 0;
        long pos = 0;
        double sum = 0;
        while (i < n && j < mm) {
            long endA = (i + 1) * mm;
            long endB = (j + 1) * n;
            long end = Math.min(endA, endB);
            double diff = sortedA[i] - sortedB[j];
            sum += (end - pos) * diff * diff;
            pos = end;
            if (endA == end) {
                i++;
            }
            if (endB == end) {
                j++;
            }
        }
        return Math.sqrt(sum / ((double) n * mm));
    }

    private static void checkSorted(double[] a, String which) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("the " + which + " sample is empty");
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || (i > 0 && a[i] < a[i - 1])) {
                throw new IllegalArgumentException("the " + which + " sample must be finite and sorted ascending");
            }
        }
    }
}
