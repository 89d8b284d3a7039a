package org.ensemble.coordinates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.Decision;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StateArray;
import org.ensemble.step.StepOrder;
import org.junit.jupiter.api.Test;

/** Shard rows and reducer state taken at a barrier continue the run bit for bit, under another shard plan. */
class CoordinateCheckpointTest {
    @Test
    void restoredRunContinuesBitForBit() {
        CoordinateRecipe recipe = CoordinateModelTest.recipe(Parameterisation.SIGNED_SQUARES, 0.3, 0.05, 2);
        CoordinateSpec spec = new CoordinateSpec(recipe, CoordinateModelTest.Y, LossKind.SQUARE, 40, new long[] {40},
                0, 1e-3, 4);
        // Straight through, 3 shards.
        List<CoordinateReport> straight = new ArrayList<>();
        CoordinatePopulation.runInProcess(spec, straight::add, 3, () -> false);
        // 2 shards up to step 25, checkpoint, then 3 fresh shards restored from the stacked rows.
        List<ShardModel> two = models(recipe, spec, 2);
        CoordinateReducer first = new CoordinateReducer(spec, r -> { });
        StepOrder order = first.first();
        while (order.toStep() < 25) {
            order = ((Decision.Next) first.reduce(phase(two, order), new long[2])).order();
        }
        List<StateArray> reducerState = first.checkpoint();
        double[] a = new double[recipe.d()];
        double[] b = new double[recipe.d()];
        int at = 0;
        for (ShardModel m : two) {
            List<StateArray> rows = m.snapshot();
            double[] ra = StateArray.named(rows, "a").doubles();
            System.arraycopy(ra, 0, a, at, ra.length);
            System.arraycopy(StateArray.named(rows, "b").doubles(), 0, b, at, ra.length);
            at += ra.length;
        }
        List<ShardModel> three = models(recipe, spec, 3);
        List<ShardRange> ranges = CoordinatePopulation.ranges(spec, 3);
        for (int s = 0; s < 3; s++) {
            ShardRange r = ranges.get(s);
            three.get(s).restore(List.of(StateArray.of("a", 1, a).rows(r.firstId(), r.size()),
                    StateArray.of("b", 1, b).rows(r.firstId(), r.size())), order.fromStep());
        }
        List<CoordinateReport> resumed = new ArrayList<>();
        CoordinateReducer second = new CoordinateReducer(spec, resumed::add);
        order = second.resume(reducerState);
        while (true) {
            Decision d = second.reduce(phase(three, order), new long[3]);
            if (d instanceof Decision.Finish) {
                break;
            }
            order = ((Decision.Next) d).order();
        }
        CoordinateReport x = straight.get(straight.size() - 1);
        CoordinateReport y = resumed.get(resumed.size() - 1);
        assertEquals(40, y.step());
        assertEquals(Double.doubleToRawLongBits(x.loss()), Double.doubleToRawLongBits(y.loss()));
        for (int i = 0; i < recipe.d(); i++) {
            assertEquals(Double.doubleToRawLongBits(x.weights()[i]), Double.doubleToRawLongBits(y.weights()[i]));
        }
    }

    private static List<ShardModel> models(CoordinateRecipe recipe, CoordinateSpec spec, int shards) {
        List<ShardModel> out = new ArrayList<>();
        for (ShardRange r : CoordinatePopulation.ranges(spec, shards)) {
            out.add(recipe.build(r));
        }
        return out;
    }

    private static List<Partial> phase(List<ShardModel> models, StepOrder order) {
        List<Partial> p = new ArrayList<>();
        for (ShardModel m : models) {
            p.add(m.phase(order));
        }
        return p;
    }
}
