package org.ensemble.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine.Dispatch#PINNED}: every shard runs every phase on one thread of its own (shard k on
 * thread k mod threads), the coordinator (the reducer) on shard 0's, whatever the timing; the run
 * itself is the same protocol as with the shared spinning pool.
 */
class PinnedDispatchTest {
    /** Which thread ran a shard's phase. */
    record Ran(String thread) implements Partial {
    }

    /** Orders {@code steps} one-step phases and records who ran each shard and the reducer. */
    static final class Recording implements Reducer {
        final int steps;
        final List<Set<String>> shardThreads = new ArrayList<>();
        final Set<String> reducerThreads = new LinkedHashSet<>();
        long step;

        Recording(int shards, int steps) {
            this.steps = steps;
            for (int s = 0; s < shards; s++) {
                shardThreads.add(new LinkedHashSet<>());
            }
        }

        @Override
        public StepOrder first() {
            return new StepOrder(0, 0, null, false);
        }

        @Override
        public Decision reduce(List<Partial> partials, long[] computeNanos) {
            reducerThreads.add(Thread.currentThread().getName());
            for (int s = 0; s < partials.size(); s++) {
                shardThreads.get(s).add(((Ran) partials.get(s)).thread());
            }
            if (step >= steps) {
                return Decision.finish(StepStatus.COMPLETED, "completed");
            }
            return Decision.next(new StepOrder(step++, 1, null, false));
        }

        @Override
        public long step() {
            return step;
        }
    }

    private static Recording run(int shards, int threads, Engine.Dispatch dispatch) {
        List<ShardRange> ranges = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            ranges.add(new ShardRange(s, s * 10L, 10, s, 1, Granularity.BLOCK));
        }
        Recording reducer = new Recording(shards, 300);
        ModelRecipe recipe = range -> order -> {
            // A little work per phase, so that a free thread would have the chance to take a shard.
            double s = 0;
            for (int i = 0; i < 2000; i++) {
                s += Math.sqrt(i + range.index());
            }
            return new Ran(s > 0 ? Thread.currentThread().getName() : "");
        };
        StepOutcome out = Engine.run(recipe, ranges, reducer, threads, dispatch, () -> false);
        assertEquals(StepStatus.COMPLETED, out.status(), out.message());
        assertEquals(300, out.steps());
        return reducer;
    }

    @Test
    void eachShardKeepsItsThreadAndTheCoordinatorSharesShardZeros() {
        Recording r = run(3, 2, Engine.Dispatch.PINNED);
        for (int s = 0; s < 3; s++) {
            assertEquals(1, r.shardThreads.get(s).size(), "shard " + s + " ran on " + r.shardThreads.get(s));
        }
        String zero = r.shardThreads.get(0).iterator().next();
        assertEquals(Set.of(zero), r.reducerThreads, "the reducer runs on shard 0's thread");
        assertEquals(r.shardThreads.get(0), r.shardThreads.get(2), "shard 2 shares thread 0 (2 mod 2)");
        assertNotEquals(r.shardThreads.get(0), r.shardThreads.get(1));
    }

    @Test
    void oneThreadRunsEverything() {
        Recording r = run(2, 1, Engine.Dispatch.PINNED);
        assertEquals(r.shardThreads.get(0), r.shardThreads.get(1));
        assertEquals(r.shardThreads.get(0), r.reducerThreads);
    }
}
