package org.ensemble.failures.linear;

/**
 * A shard's members of an online model (plain numerics, no actors), in blocks of consecutive ids:
 * per-block contributions to one instance's prediction, one example's update, and per-block
 * contributions to the effective weight vector w (ŷ = ⟨w, x⟩).
 */
interface OnlineUnits {
    int blocks();

    /** Per block: Σ over its members of their contribution to ⟨w, x_j⟩ (before any normalisation). */
    double[] predictions(int j);

    /** Per block: Σ of the members' unnormalised weights (the normalising mass of EG; zeros otherwise). */
    double[] masses();

    /** One update on example j with loss derivative c at its prediction; then every weight is divided by {@code divide}. */
    void step(int j, double c, double divide);

    /** Per block, row-major blocks × d: the block's contribution to the effective weight vector. */
    double[] contributions();
}
