package org.ensemble.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;
import org.ensemble.graphdynamics.NodeDynamics;
import org.ensemble.kernel.Backend;
import org.ensemble.graphdynamics.NodePopulation;
import org.ensemble.graphdynamics.NodeRecipe;
import org.ensemble.graphdynamics.NodeReducer;
import org.ensemble.graphdynamics.NodeRule;
import org.ensemble.graphdynamics.Normalisation;
import org.ensemble.graphdynamics.OrderParameterSeries;
import org.ensemble.step.Decision;
import org.ensemble.step.Granularity;
import org.ensemble.step.Partial;
import org.ensemble.step.ShardModel;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOrder;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * The kuramoto-er workload: noisy Kuramoto (K = 2, D = 0.5, dt = 0.01, K/⟨deg⟩ coupling) on G(n, p)
 * with mean degree ⟨deg⟩, one step per order: every step each node reads its senders along the CSR
 * edges (the edge messages) and the reducer gathers the halo. Runs through the actors (the engine)
 * or raw: the same shard models and reducer on a plain thread pool with a barrier per step, which is
 * what the engine does minus the messages. Rate: directed edges × steps / s (edge-messages/s). The
 * node kernel runs on {@code backend} (java: its per-node method in a loop on each shard's thread).
 */
public final class KuramotoGraphWorkload {
    /** One run's timing and final order parameter. */
    public record Result(double seconds, long edgeMessages, double r) {
        public double rate() {
            return edgeMessages / seconds;
        }
    }

    private final Graph graph;
    private final int steps;
    private final long seed;
    private final int threads;
    private final Backend backend;

    public KuramotoGraphWorkload(int n, double meanDegree, int steps, long seed, int threads) {
        this(n, meanDegree, steps, seed, threads, Backend.JAVA);
    }

    public KuramotoGraphWorkload(int n, double meanDegree, int steps, long seed, int threads, Backend backend) {
        this.graph = GraphGenerators.erdosRenyi(n, meanDegree / (n - 1.0), seed);
        this.steps = steps;
        this.seed = seed;
        this.threads = threads;
        this.backend = backend;
    }

    public Graph graph() {
        return graph;
    }

    private NodeRecipe recipe(List<ShardRange> ranges) {
        NodeDynamics d = new NodeDynamics(NodeRule.KURAMOTO, 2, Normalisation.MEAN_DEGREE, 0.5, 0.01, 0, 0, 0, true,
                seed);
        return NodeRecipe.of(graph, graph.nodes(), d, 4096, ranges, backend);
    }

    public Result viaActors() {
        List<ShardRange> ranges = NodePopulation.ranges(graph.nodes(), 4096, threads, Granularity.BLOCK);
        NodeRecipe recipe = recipe(ranges);
        OrderParameterSeries s = new OrderParameterSeries();
        StepOutcome o = NodePopulation.run(recipe, ranges, new NodeReducer(recipe, steps, steps, s), () -> false);
        if (o.status() != StepStatus.COMPLETED) {
            throw new IllegalStateException("kuramoto-er run failed: " + o.message());
        }
        return new Result(o.seconds(), (long) graph.edges() * steps, last(s));
    }

    public Result raw() throws Exception {
        List<ShardRange> ranges = NodePopulation.ranges(graph.nodes(), 4096, threads, Granularity.BLOCK);
        NodeRecipe recipe = recipe(ranges);
        OrderParameterSeries s = new OrderParameterSeries();
        NodeReducer reducer = new NodeReducer(recipe, steps, steps, s);
        ExecutorService pool = Executors.newFixedThreadPool(ranges.size());
        try {
            List<ShardModel> models = new ArrayList<>();
            for (ShardRange r : ranges) {
                models.add(pool.submit(() -> recipe.build(r)).get());
            }
            long t0 = System.nanoTime();
            StepOrder order = reducer.first();
            long[] nanos = new long[models.size()];
            while (true) {
                List<Callable<Partial>> jobs = new ArrayList<>();
                StepOrder o = order;
                for (ShardModel m : models) {
                    jobs.add(() -> m.phase(o));
                }
                List<Partial> partials = new ArrayList<>();
                for (Future<Partial> f : pool.invokeAll(jobs)) {
                    partials.add(f.get());
                }
                Decision d = reducer.reduce(partials, nanos);
                if (d instanceof Decision.Finish) {
                    break;
                }
                order = ((Decision.Next) d).order();
            }
            return new Result((System.nanoTime() - t0) / 1e9, (long) graph.edges() * steps, last(s));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double last(OrderParameterSeries s) {
        return s.rows().get(s.rows().size() - 1)[2];
    }
}
