package org.ensemble.gnn;

import java.util.List;
import org.ensemble.graph.Graph;
import org.ensemble.step.Decision;
import org.ensemble.step.Observer;
import org.ensemble.step.Partial;
import org.ensemble.step.Reducer;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepStatus;

/**
 * The coordinator's side of a GNN forward pass: shows the input as layer 0, then concatenates the
 * shards' rows in shard order (node id order) into each next layer, shows it to the observer and
 * sends the halo's rows of it (the boundary between shards, {@link GnnRecipe#halo}) as the field of
 * the next order; DIVERGED on a non-finite embedding.
 */
final class GnnReducer implements Reducer {
    private final Graph graph;
    private final int[] halo;
    private final LayerStack stack;
    private final double[] input;
    private final Observer<LayerEmbeddings> observer;
    private long step;

    GnnReducer(GnnRecipe recipe, double[] input, Observer<LayerEmbeddings> observer) {
        this.graph = recipe.graph();
        this.halo = recipe.halo();
        this.stack = recipe.stack();
        this.input = input;
        this.observer = observer;
    }

    @Override
    public StepOrder first() {
        observer.observe(new LayerEmbeddings(0, stack.inWidth(), input));
        return new StepOrder(0, 1, input, false);
    }

    @Override
    public Decision reduce(List<Partial> partials, long[] computeNanos) {
        int width = stack.width((int) step + 1);
        double[] next = new double[graph.nodes() * width];
        int filled = 0;
        for (Partial p : partials) {
            EmbeddingRows r = (EmbeddingRows) p;
            if (r.firstNode() != filled) {
                throw new IllegalStateException("rows of node " + r.firstNode() + " arrived where node " + filled
                        + " was expected");
            }
            System.arraycopy(r.rows(), 0, next, filled * width, r.rows().length);
            filled += r.nodes();
        }
        step++;
        for (double v : next) {
            if (!Double.isFinite(v)) {
                return Decision.finish(StepStatus.DIVERGED, "layer " + step + " has a non-finite embedding");
            }
        }
        observer.observe(new LayerEmbeddings((int) step, width, next));
        if (step == stack.depth()) {
            return Decision.finish(StepStatus.COMPLETED, "completed after " + step + " layers");
        }
        // only the boundary travels: the rows of the nodes that send to another shard
        double[] boundary = new double[halo.length * width];
        for (int k = 0; k < halo.length; k++) {
            System.arraycopy(next, halo[k] * width, boundary, k * width, width);
        }
        return Decision.next(new StepOrder(step, 1, boundary, false));
    }

    @Override
    public long step() {
        return step;
    }
}
