package org.ensemble.step;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.population.BlockLayout;

/**
 * Deals a population's blocks to shards: whole blocks as contiguous ranges, as evenly as possible
 * (granularity block), or one shard per member (granularity member). Shard order is id order, which
 * the reducers rely on to merge in block order.
 */
public final class ShardPlan {
    private ShardPlan() {
    }

    public static List<ShardRange> of(BlockLayout layout, int shards, Granularity granularity) {
        List<ShardRange> out = new ArrayList<>();
        if (granularity == Granularity.MEMBER) {
            if (layout.particles() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("one actor per member needs fewer than 2^31 members");
            }
            for (long id = 0; id < layout.particles(); id++) {
                out.add(new ShardRange((int) id, id, 1, (int) (id / layout.blockSize()), 1, granularity));
            }
            return out;
        }
        int n = layout.shardsFor(shards);
        for (int s = 0; s < n; s++) {
            int fb = layout.firstBlockOf(s, n);
            int lb = layout.firstBlockOf(s + 1, n);
            long first = layout.blockStart(fb);
            long end = lb < layout.blocks() ? layout.blockStart(lb) : layout.particles();
            out.add(new ShardRange(s, first, (int) (end - first), fb, lb - fb, granularity));
        }
        return out;
    }
}
