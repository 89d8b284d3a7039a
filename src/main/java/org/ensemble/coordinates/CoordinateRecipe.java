package org.ensemble.coordinates;

import org.ensemble.step.Granularity;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.WireMessage;

/**
 * How a shard builds its coordinates, as plain data: the design matrix (n × d, row-major), the
 * parameterisation, the initial scale, the step size η and the block size. A shard copies the
 * columns of its own coordinates, so the recipe can be shipped to another JVM as is.
 */
public record CoordinateRecipe(int n, int d, double[] x, Parameterisation parameterisation, double init,
                               double eta, int blockSize) implements ModelRecipe, WireMessage {
    public CoordinateRecipe {
        if (n < 1 || d < 1 || x.length != (long) n * d) {
            throw new IllegalArgumentException("design matrix must be n × d = " + n + " × " + d + ", has " + x.length
                    + " entries");
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("step size must be positive, got " + eta);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be ≥ 1, got " + blockSize);
        }
    }

    @Override
    public ShardModel build(ShardRange range) {
        int block = range.granularity() == Granularity.MEMBER ? 1 : blockSize;
        return new CoordinateShardModel(new CoordinateBlocks(this, (int) range.firstId(), range.size(), block));
    }
}
