package org.ensemble.network;

/** Plain-Java {@link DenseOps}: the reference the vector version must equal bit for bit. */
public final class ScalarDenseOps implements DenseOps {
    @Override
    public double dot(double[] w, int o, double[] x, int ox, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int c = 0;
        for (; c + 8 <= d; c += 8) {
            s0 += w[o + c] * x[ox + c];
            s1 += w[o + c + 1] * x[ox + c + 1];
            s2 += w[o + c + 2] * x[ox + c + 2];
            s3 += w[o + c + 3] * x[ox + c + 3];
            s4 += w[o + c + 4] * x[ox + c + 4];
            s5 += w[o + c + 5] * x[ox + c + 5];
            s6 += w[o + c + 6] * x[ox + c + 6];
            s7 += w[o + c + 7] * x[ox + c + 7];
        }
        double s = ((s0 + s4) + (s1 + s5)) + ((s2 + s6) + (s3 + s7));
        for (; c < d; c++) {
            s += w[o + c] * x[ox + c];
        }
        return s;
    }

    @Override
    public double updateThenDot(double[] w, int o, double g, double[] x, int ox, double[] xn, int oxn, int d) {
        axpy(w, o, g, x, ox, d);
        return dot(w, o, xn, oxn, d);
    }

    @Override
    public void ramp(double[] h, double t1, double t2, double s1, double s2, double slope, double[] sv, double[] ds,
                     int ods) {
        for (int l = 0; l < GROUP; l++) {
            double v = h[l];
            if (v <= t1) {
                sv[l] = s1;
                ds[ods + l] = 0.0;
            } else if (v >= t2) {
                sv[l] = s2;
                ds[ods + l] = 0.0;
            } else {
                sv[l] = s1 + slope * (v - t1);
                ds[ods + l] = slope;
            }
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
