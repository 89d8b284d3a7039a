package org.ensemble.failures.linear;

/**
 * Coordinates [first, first + size) of a linear model ŷ = ⟨w, x⟩: the state (a, b) of each in
 * the recipe's {@link OnlineRule}; the update on example j is g_i = c·X_ji for each coordinate.
 */
final class LinearUnits implements OnlineUnits {
    private final OnlineRecipe recipe;
    private final int first;
    private final int size;
    private final int blockSize;
    private final double[] a;
    private final double[] b;

    LinearUnits(OnlineRecipe recipe, int first, int size, int blockSize) {
        this.recipe = recipe;
        this.first = first;
        this.size = size;
        this.blockSize = blockSize;
        a = new double[size];
        b = new double[size];
        for (int i = 0; i < size; i++) {
            recipe.rule().start(recipe.init(), a, b, i);
        }
    }

    @Override
    public int blocks() {
        return (size + blockSize - 1) / blockSize;
    }

    @Override
    public double[] predictions(int j) {
        double[] out = new double[blocks()];
        int row = j * recipe.d() + first;
        for (int i = 0; i < size; i++) {
            out[i / blockSize] += recipe.x()[row + i] * recipe.rule().weight(a[i], b[i]);
        }
        return out;
    }

    @Override
    public double[] masses() {
        double[] out = new double[blocks()];
        if (recipe.rule().normalised()) {
            for (int i = 0; i < size; i++) {
                out[i / blockSize] += recipe.rule().weight(a[i], b[i]);
            }
        }
        return out;
    }

    @Override
    public void step(int j, double c, double divide) {
        int row = j * recipe.d() + first;
        for (int i = 0; i < size; i++) {
            recipe.rule().step(recipe.eta(), c * recipe.x()[row + i], a, b, i);
            if (divide != 1) {
                a[i] /= divide;
            }
        }
    }

    @Override
    public double[] contributions() {
        int d = recipe.d();
        double[] out = new double[blocks() * d];
        for (int i = 0; i < size; i++) {
            out[(i / blockSize) * d + first + i] = recipe.rule().weight(a[i], b[i]);
        }
        return out;
    }
}
