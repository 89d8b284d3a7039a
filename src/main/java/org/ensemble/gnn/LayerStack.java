package org.ensemble.gnn;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.graph.Graph;

/** Layers applied in turn; {@link #forward} returns every layer's node embeddings (layer 0 = the input). */
public record LayerStack(List<GnnLayer> layers) {
    public LayerStack {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a layer stack needs at least one layer");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inWidth() != layers.get(l - 1).outWidth()) {
                throw new IllegalArgumentException("layer " + l + " reads width " + layers.get(l).inWidth()
                        + " but layer " + (l - 1) + " writes " + layers.get(l - 1).outWidth());
            }
        }
        layers = List.copyOf(layers);
    }

    public int depth() {
        return layers.size();
    }

    public int inWidth() {
        return layers.get(0).inWidth();
    }

    /** Width of layer l's rows (l = 0: the input). */
    public int width(int l) {
        return l == 0 ? inWidth() : layers.get(l - 1).outWidth();
    }

    /** Embeddings of every layer, 0 … depth, each n × width row-major, computed on one thread. */
    public List<double[]> forward(Graph g, double[] input) {
        if (input.length != (long) g.nodes() * inWidth()) {
            throw new IllegalArgumentException("input has " + input.length + " entries, expected nodes × width = "
                    + g.nodes() + " × " + inWidth());
        }
        List<double[]> out = new ArrayList<>();
        out.add(input);
        double[] h = input;
        for (GnnLayer layer : layers) {
            double[] next = new double[g.nodes() * layer.outWidth()];
            layer.apply(g, h, 0, g.nodes(), next);
            out.add(next);
            h = next;
        }
        return out;
    }

    /**
     * {@code depth} layers of one kind with random weights from Philox keyed by (seed, layer id):
     * {@code sum|mean|max|min} ({@link AggregateLayer}, with a self-loop when {@code selfLoop}),
     * {@code gcn}, {@code gin} (ε = 0, a two-map MLP). Hidden maps use {@code activation}; so does
     * the last one.
     */
    public static LayerStack random(String kind, int depth, int inWidth, int hidden, Activation activation,
                                    boolean selfLoop, long seed) {
        double gain = activation == Activation.RELU ? 2.0 : 1.0;
        List<GnnLayer> ls = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            int in = l == 0 ? inWidth : hidden;
            long id = 4L * l;
            ls.add(switch (kind) {
                case "gcn" -> new GcnLayer(Dense.random(in, hidden, activation, seed, id, gain));
                case "gin" -> new GinLayer(0.0, List.of(Dense.random(in, hidden, activation, seed, id, gain),
                        Dense.random(hidden, hidden, activation, seed, id + 1, gain)));
                default -> new AggregateLayer(Aggregation.of(kind), selfLoop,
                        Dense.random(in, hidden, activation, seed, id, gain));
            });
        }
        return new LayerStack(ls);
    }

    /** The layer kinds {@link #random} builds. */
    public static final List<String> KINDS = List.of("sum", "mean", "max", "min", "gcn", "gin");
}
