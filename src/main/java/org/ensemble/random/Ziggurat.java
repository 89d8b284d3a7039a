package org.ensemble.random;

import org.apache.commons.math3.special.Erf;

/**
 * Marsaglia–Tsang Ziggurat for N(0, 1) with 256 layers, fed by 64-bit Philox words: bits 0–7
 * choose the layer, bit 8 the sign, bits 11–63 the abscissa (independent bits, Doornik's fix).
 * The fast path (≈98.8% of draws) needs one word; the slow path (wedges and the tail) takes
 * further Philox blocks from the slow-path stream of the same draw, so every draw stays a pure
 * function of its counter. Same algorithm and bit use as {@code zig_normal} in
 * ../shared/peers/rng.h.
 *
 * <p>Tables are built once with {@link StrictMath}, so they are identical on every JVM; kernels
 * receive them as global arrays.
 */
public final class Ziggurat {
    public static final int LAYERS = 256;
    /** Right edge of the base layer for 256 layers. */
    public static final double R = 3.6541528853610088;
    public static final double TWO_POW_M53 = 0x1.0p-53;
    /** x[0] = V/f(R) (base strip incl. tail), x[1] = R, …, x[256] = 0. */
    static final double[] X = new double[LAYERS + 1];
    /** k[i] = x[i+1]/x[i]: u below it accepts at once. */
    static final double[] K = new double[LAYERS];
    /** f[i] = exp(−x[i]²/2). */
    static final double[] F = new double[LAYERS + 1];
    /** Area of each layer: R·f(R) plus the tail integral. */
    static final double V;
    /** Safety bound on slow-path iterations (each succeeds with probability > 0.9). */
    public static final int MAX_SLOW_ITERATIONS = 64;

    static {
        double fR = StrictMath.exp(-0.5 * R * R);
        V = R * fR + StrictMath.sqrt(Math.PI / 2.0) * Erf.erfc(R / StrictMath.sqrt(2.0));
        X[0] = V / fR;
        X[1] = R;
        for (int i = 1; i < LAYERS - 1; i++) {
            double xi = X[i];
            X[i + 1] = StrictMath.sqrt(-2.0 * StrictMath.log(V / xi + StrictMath.exp(-0.5 * xi * xi)));
        }
        X[LAYERS] = 0.0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = StrictMath.exp(-0.5 * X[i] * X[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            K[i] = X[i + 1] / X[i];
        }
    }

    private Ziggurat() {
    }

    /** Copies of the tables, for kernels. */
    public static double[] tableX() {
        return X.clone();
    }

    public static double[] tableK() {
        return K.clone();
    }

    public static double[] tableF() {
        return F.clone();
    }

    /**
     * One N(0, 1) draw from the 64-bit word {@code r}. On the rare slow path it takes blocks with
     * key (k0, k1) and counter (slowC0, slowC1 + retry, c2, c3), retry = 0, 1, ….
     */
    public static double normal(long r, long k0, long k1, long c2, long c3, long slowC0, long slowC1,
                                double[] x, double[] k, double[] f) {
        int i = (int) (r & 0xFFL);
        double u = (double) (r >>> 11) * TWO_POW_M53;
        double z = u * x[i];
        double result = 0.0;
        if (u < k[i]) {
            // Multiplying by ±1 is exact and branch-free: a 50/50 sign branch would mispredict half the time.
            result = z * (double) (1 - (int) ((r >>> 7) & 2L));
        } else {
            result = slow(i, z, (r & 0x100L) != 0 ? 1 : 0, k0, k1, c2, c3, slowC0, slowC1, x, f);
        }
        return result;
    }

    /**
     * The wedge and tail cases. Word n of the slow-path stream is half n&1 of retry block n≫1.
     * Written without early returns inside loops, which Aparapi's decompiler handles badly.
     */
    public static double slow(int layer, double z0, int negative, long k0, long k1, long c2, long c3,
                              long slowC0, long slowC1, double[] x, double[] f) {
        int i = layer;
        double z = z0;
        int neg = negative;
        long n = 0;
        boolean done = false;
        for (int it = 0; it < MAX_SLOW_ITERATIONS && !done; it++) {
            if (i == 0) {
                // Tail beyond R (Marsaglia 1964).
                double a = 0.0;
                double b = 0.0;
                boolean accepted = false;
                for (int t = 0; t < MAX_SLOW_ITERATIONS && !accepted; t++) {
                    long wa = slowWord(k0, k1, c2, c3, slowC0, slowC1, n);
                    long wb = slowWord(k0, k1, c2, c3, slowC0, slowC1, n + 1);
                    n += 2;
                    a = -Math.log((double) ((wa >>> 11) + 1) * TWO_POW_M53) / R;
                    b = -Math.log((double) ((wb >>> 11) + 1) * TWO_POW_M53);
                    accepted = b + b >= a * a;
                }
                z = R + a;
                done = true;
            } else {
                long wv = slowWord(k0, k1, c2, c3, slowC0, slowC1, n);
                n += 1;
                double v = (double) (wv >>> 11) * TWO_POW_M53;
                if (f[i] + v * (f[i + 1] - f[i]) < Math.exp(-0.5 * z * z)) {
                    done = true;
                } else {
                    long r = slowWord(k0, k1, c2, c3, slowC0, slowC1, n);
                    n += 1;
                    i = (int) (r & 0xFFL);
                    neg = (r & 0x100L) != 0 ? 1 : 0;
                    double u = (double) (r >>> 11) * TWO_POW_M53;
                    z = u * x[i];
                    done = u < x[i + 1] / x[i];
                }
            }
        }
        return neg != 0 ? -z : z;
    }

    public static long slowWord(long k0, long k1, long c2, long c3, long slowC0, long slowC1, long n) {
        long c1 = slowC1 + (n >>> 1);
        long w = 0;
        if ((n & 1L) == 0) {
            w = Philox4x32.word01(k0, k1, slowC0, c1, c2, c3);
        } else {
            w = Philox4x32.word23(k0, k1, slowC0, c1, c2, c3);
        }
        return w;
    }
}
