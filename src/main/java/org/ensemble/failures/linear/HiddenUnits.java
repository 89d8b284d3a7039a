package org.ensemble.failures.linear;

import org.ensemble.random.Streams;

/**
 * Hidden units [first, first + size) of the two-layer linear network ŷ = Σ_h a_h⟨W_h, x⟩. The
 * first layer is fully connected and drawn from a rotation-invariant law (W_hi iid N(0, s²/d), so
 * W_h's law is unchanged by any rotation of the inputs); a_h ~ N(0, s²/hidden). Both from Philox
 * keyed by (seed, h), so a unit's start does not depend on its shard. GD on both layers.
 */
final class HiddenUnits implements OnlineUnits {
    private final OnlineRecipe recipe;
    private final int size;
    private final int blockSize;
    /** Row-major size × d. */
    private final double[] w;
    private final double[] a;

    HiddenUnits(OnlineRecipe recipe, int first, int size, int blockSize) {
        this.recipe = recipe;
        this.size = size;
        this.blockSize = blockSize;
        int d = recipe.d();
        w = new double[size * d];
        a = new double[size];
        double sw = recipe.init() / Math.sqrt(d);
        double sa = recipe.init() / Math.sqrt(recipe.hidden());
        for (int h = 0; h < size; h++) {
            long id = first + h;
            for (int i = 0; i < d; i++) {
                w[h * d + i] = sw * Streams.auxNormal(recipe.seed(), id, Streams.STREAM_INIT, i);
            }
            a[h] = sa * Streams.auxNormal(recipe.seed(), id, Streams.STREAM_INIT, d);
        }
    }

    @Override
    public int blocks() {
        return (size + blockSize - 1) / blockSize;
    }

    private double hidden(int h, int j) {
        int d = recipe.d();
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += w[h * d + i] * recipe.x()[j * d + i];
        }
        return s;
    }

    @Override
    public double[] predictions(int j) {
        double[] out = new double[blocks()];
        for (int h = 0; h < size; h++) {
            out[h / blockSize] += a[h] * hidden(h, j);
        }
        return out;
    }

    @Override
    public double[] masses() {
        return new double[blocks()];
    }

    @Override
    public void step(int j, double c, double divide) {
        int d = recipe.d();
        double eta = recipe.eta();
        for (int h = 0; h < size; h++) {
            double z = hidden(h, j);
            double ah = a[h];
            a[h] = ah - eta * c * z;
            double s = eta * c * ah;
            for (int i = 0; i < d; i++) {
                w[h * d + i] -= s * recipe.x()[j * d + i];
            }
        }
    }

    @Override
    public double[] contributions() {
        int d = recipe.d();
        double[] out = new double[blocks() * d];
        for (int h = 0; h < size; h++) {
            int row = (h / blockSize) * d;
            for (int i = 0; i < d; i++) {
                out[row + i] += a[h] * w[h * d + i];
            }
        }
        return out;
    }
}
