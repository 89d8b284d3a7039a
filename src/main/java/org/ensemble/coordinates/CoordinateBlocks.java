package org.ensemble.coordinates;

/**
 * The numerics of one shard's coordinates [first, first + size): their columns of X, their state
 * (a, b) in the recipe's {@link Parameterisation}, the full-batch step given the field
 * c_j = ℓ'(z_j, y_j)/n (so g_i = Σ_j X_ji c_j), and the per-block partial outputs
 * Σ_{i ∈ block} X_{:, i} w_i, blocks of {@code blockSize} coordinates in id order. No actors.
 */
public final class CoordinateBlocks {
    private final CoordinateRecipe recipe;
    private final int first;
    private final int size;
    private final int blockSize;
    /** Column-major: columns[i·n + j] = X[j][first + i]. */
    private final double[] columns;
    private final double[] a;
    private final double[] b;

    public CoordinateBlocks(CoordinateRecipe recipe, int first, int size, int blockSize) {
        this.recipe = recipe;
        this.first = first;
        this.size = size;
        this.blockSize = blockSize;
        int n = recipe.n();
        columns = new double[size * n];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < n; j++) {
                columns[i * n + j] = recipe.x()[j * recipe.d() + first + i];
            }
        }
        a = new double[size];
        b = new double[size];
        for (int i = 0; i < size; i++) {
            recipe.parameterisation().start(recipe.init(), a, b, i);
        }
    }

    /** One GD (or EGU) step of every coordinate with the broadcast field c (length n). */
    public void step(double[] c) {
        int n = recipe.n();
        if (c.length != n) {
            throw new IllegalArgumentException("field has " + c.length + " entries, expected n = " + n);
        }
        for (int i = 0; i < size; i++) {
            double g = 0;
            int base = i * n;
            for (int j = 0; j < n; j++) {
                g += columns[base + j] * c[j];
            }
            recipe.parameterisation().step(recipe.eta(), g, a, b, i);
        }
    }

    /** Per-block partial outputs, blocks × n row-major (block order = id order). */
    public double[] outputs() {
        int n = recipe.n();
        int blocks = blocks();
        double[] out = new double[blocks * n];
        for (int i = 0; i < size; i++) {
            double w = weight(i);
            int row = (i / blockSize) * n;
            int base = i * n;
            for (int j = 0; j < n; j++) {
                out[row + j] += columns[base + j] * w;
            }
        }
        return out;
    }

    public int blocks() {
        return (size + blockSize - 1) / blockSize;
    }

    public double weight(int i) {
        return recipe.parameterisation().weight(a[i], b[i]);
    }

    /** The weights w of this shard's coordinates. */
    public double[] weights() {
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            w[i] = weight(i);
        }
        return w;
    }

    public int first() {
        return first;
    }

    public int size() {
        return size;
    }

    double[] a() {
        return a;
    }

    double[] b() {
        return b;
    }
}
