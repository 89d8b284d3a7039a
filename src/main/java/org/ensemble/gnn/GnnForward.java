package org.ensemble.gnn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ensemble.graph.Graph;
import org.ensemble.step.Granularity;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * How a study runs a forward pass: plainly ({@link LayerStack#forward}), or as a population of
 * nodes in process or on the engine's actors. All give the same bytes (tested); a run that does not
 * complete throws with its message.
 */
@FunctionalInterface
public interface GnnForward {
    /** Every layer's embeddings, 0 … depth. */
    List<double[]> forward(Graph g, LayerStack stack, double[] input);

    static GnnForward plain() {
        return (g, stack, input) -> stack.forward(g, input);
    }

    static GnnForward inProcess(int shards, Granularity granularity, int blockSize, BooleanSupplier stop) {
        return (g, stack, input) -> collect(observer -> GnnPopulation.runInProcess(new GnnRecipe(g, stack, blockSize),
                input, observer, shards, granularity, stop));
    }

    static GnnForward engine(int shards, Granularity granularity, int blockSize, BooleanSupplier stop) {
        return (g, stack, input) -> collect(observer -> GnnPopulation.run(new GnnRecipe(g, stack, blockSize), input,
                observer, shards, granularity, stop));
    }

    private static List<double[]> collect(java.util.function.Function<org.ensemble.step.Observer<LayerEmbeddings>,
            StepOutcome> run) {
        List<double[]> layers = new ArrayList<>();
        StepOutcome o = run.apply(m -> layers.add(m.rows()));
        if (o.status() != StepStatus.COMPLETED) {
            throw new GnnRunException(o.status(), o.message());
        }
        return layers;
    }

    /** A forward pass that did not complete (stopped, diverged, failed). */
    final class GnnRunException extends RuntimeException {
        private final StepStatus status;

        GnnRunException(StepStatus status, String message) {
            super("GNN forward pass " + status.name().toLowerCase() + ": " + message);
            this.status = status;
        }

        public StepStatus status() {
            return status;
        }
    }
}
