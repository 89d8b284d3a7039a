package org.ensemble.kernel;

import org.ensemble.dynamics.MeanAttraction;
import org.ensemble.dynamics.OverdampedLangevin;
import org.ensemble.potential.DevicePotentials;
import org.ensemble.random.Philox4x32;
import org.ensemble.random.PhiloxTile;
import org.ensemble.random.Ziggurat;

/**
 * {@link TilePasses} in plain Java: Philox through {@link PhiloxTile} (C2 auto-vectorises it),
 * the Ziggurat and the update one particle at a time. The reference the vector passes are
 * tested against, and what runs where the Vector API is absent. The per-entry methods are also
 * the vector passes' tails and rare lanes, so both share every expression.
 */
final class ScalarTilePasses implements TilePasses {
    private int[] c0 = new int[0];
    private int[] c1 = new int[0];
    private int[] c2 = new int[0];
    private int[] c3 = new int[0];

    @Override
    public void philox(int m, long ctr0, long ctr1, long ctr3, long k1, int[] key0, int[] idHi, long[] w01,
                       long[] w23) {
        if (c0.length < m) {
            c0 = new int[m];
            c1 = new int[m];
            c2 = new int[m];
            c3 = new int[m];
        }
        for (int j = 0; j < m; j++) {
            c0[j] = (int) ctr0;
            c1[j] = (int) ctr1;
            c2[j] = idHi[j];
            c3[j] = (int) ctr3;
        }
        PhiloxTile.blocks(m, c0, c1, c2, c3, key0, (int) k1);
        for (int j = 0; j < m; j++) {
            w01[j] = PhiloxTile.word01(c0, c1, j);
            w23[j] = PhiloxTile.word23(c2, c3, j);
        }
    }

    @Override
    public void normals(TileState t, int m, long[] words, long slow0, long slow1, double[] out, int o) {
        for (int j = 0; j < m; j++) {
            out[o + j] = normal(t, j, words[j], slow0, slow1);
        }
    }

    @Override
    public void overdamped1D(TileState t, int m, long[] words, long slow0, long slow1, double[] field,
                             long nextStep) {
        overdamped1D(t, 0, m, words, slow0, slow1, field, nextStep);
    }

    /** The step for entries [from, to). */
    static void overdamped1D(TileState t, int from, int to, long[] words, long slow0, long slow1, double[] field,
                             long nextStep) {
        double m0 = t.interacting ? field[0] : 0.0;
        for (int j = from; j < to; j++) {
            if (!t.stopped[j]) {
                double g = normal(t, j, words[j], slow0, slow1);
                double x0 = t.x[j];
                double f0 = DevicePotentials.grad0(t.potentialType, x0, 0.0, 0.0, t.potentialParams);
                if (t.interacting) {
                    f0 += MeanAttraction.force(x0, m0, t.theta);
                }
                if (t.pairField != null) {
                    f0 += t.pairField.force(x0, field);
                }
                double y0 = OverdampedLangevin.step(x0, f0, t.dt, t.noise, g);
                t.x[j] = y0;
                if (t.targetCount > 0 && t.hit[j] == 0 && (y0 >= t.crossLow || y0 <= t.crossHigh)) {
                    firstPassage(t, j, y0, nextStep);
                }
            }
        }
    }

    /** The exact target test of entry j at position y0 (not yet hit). */
    static void firstPassage(TileState t, int j, double y0, long nextStep) {
        int target = TargetRegions.firstContaining(y0, 0.0, 0.0, t.targetCount, t.targetTypes, t.targetParams);
        if (target >= 0) {
            t.hit[j] = nextStep;
            t.hitT[j] = target;
            t.stopped[j] = t.absorbing;
        }
    }

    /**
     * {@link Ziggurat#normal} for tile entry j, restated so that its fast path is small enough for
     * the JIT to inline into the tile loops (calling Ziggurat.normal itself halved the rate).
     */
    static double normal(TileState t, int j, long r, long slow0, long slow1) {
        int layer = (int) (r & 0xFFL);
        double u = (double) (r >>> 11) * Ziggurat.TWO_POW_M53;
        double z = u * t.zx[layer];
        return u < t.zk[layer] ? z * (double) (1 - (int) ((r >>> 7) & 2L)) : slow(t, j, r, slow0, slow1);
    }

    /** The wedge or tail of the draw whose fast path rejected word r. */
    static double slow(TileState t, int j, long r, long slow0, long slow1) {
        int layer = (int) (r & 0xFFL);
        double u = (double) (r >>> 11) * Ziggurat.TWO_POW_M53;
        double z = u * t.zx[layer];
        return Ziggurat.slow(layer, z, (r & 0x100L) != 0 ? 1 : 0, t.key0[j] & Philox4x32.MASK32, t.k1,
                t.idHi[j] & Philox4x32.MASK32, t.c3, slow0, slow1, t.zx, t.zf);
    }

    @Override
    public String name() {
        return "scalar";
    }
}
