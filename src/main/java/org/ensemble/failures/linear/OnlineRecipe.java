package org.ensemble.failures.linear;

import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its members, as plain data: the instances X (n × d, row-major), the model
 * ({@code linear}: the d coordinates are the members, stepped by {@code rule}; {@code two-layer}:
 * the {@code hidden} units of ŷ = Σ_h a_h⟨W_h, x⟩ are, stepped by GD), the initial scale, η, the
 * seed (the two-layer net's Gaussian first layer) and the block size.
 */
public record OnlineRecipe(int n, int d, double[] x, Model model, OnlineRule rule, double init, double eta,
                           int hidden, long seed, int blockSize) implements ModelRecipe, WireMessage {
    /** Which network the members form. */
    public enum Model { LINEAR, TWO_LAYER }

    public OnlineRecipe {
        if (n < 1 || d < 1 || x.length != (long) n * d) {
            throw new IllegalArgumentException("instances must be n × d = " + n + " × " + d + ", have " + x.length
                    + " entries");
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("step size must be positive, got " + eta);
        }
        if (blockSize < 1 || (model == Model.TWO_LAYER && hidden < 1)) {
            throw new IllegalArgumentException("block size and hidden units must be ≥ 1");
        }
    }

    /** A linear model of d coordinates stepped by {@code rule}. */
    public static OnlineRecipe linear(int n, int d, double[] x, OnlineRule rule, double init, double eta, int block) {
        return new OnlineRecipe(n, d, x, Model.LINEAR, rule, init, eta, 0, 0, block);
    }

    /** A two-layer linear network: W_hi ~ N(0, init²/d), a_h ~ N(0, init²/hidden), Philox keyed by (seed, h). */
    public static OnlineRecipe twoLayer(int n, int d, double[] x, int hidden, double init, double eta, long seed,
                                        int block) {
        return new OnlineRecipe(n, d, x, Model.TWO_LAYER, OnlineRule.GD, init, eta, hidden, seed, block);
    }

    /** The number of members: coordinates or hidden units. */
    public int members() {
        return model == Model.LINEAR ? d : hidden;
    }

    @Override
    public ShardModel build(ShardRange range) {
        int block = range.granularity() == Granularity.MEMBER ? 1 : blockSize;
        int first = (int) range.firstId();
        OnlineUnits units = model == Model.LINEAR ? new LinearUnits(this, first, range.size(), block)
                : new HiddenUnits(this, first, range.size(), block);
        return new OnlineShardModel(units);
    }
}
