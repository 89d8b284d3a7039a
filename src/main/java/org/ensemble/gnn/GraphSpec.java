package org.ensemble.gnn;

import java.util.List;
import org.ensemble.graph.Graph;

/**
 * A graph as a scenario names it; {@link #build()} makes the CSR form once. A new generator of
 * {@code org.ensemble.graph} is one more record here and one case in the scenario loader.
 */
public sealed interface GraphSpec {
    Graph build();

    /** How tables and plots name it, e.g. {@code ring(24)}. */
    String describe();

    record Ring(int nodes) implements GraphSpec {
        @Override
        public Graph build() {
            return Graph.ring(nodes);
        }

        @Override
        public String describe() {
            return "ring(" + nodes + ")";
        }
    }

    record Grid(int rows, int cols) implements GraphSpec {
        @Override
        public Graph build() {
            return Graph.grid(rows, cols);
        }

        @Override
        public String describe() {
            return "grid(" + rows + "x" + cols + ")";
        }
    }

    record Complete(int nodes) implements GraphSpec {
        @Override
        public Graph build() {
            return Graph.complete(nodes);
        }

        @Override
        public String describe() {
            return "complete(" + nodes + ")";
        }
    }

    /** A seeded Barabási–Albert graph: each new node attaches to m existing ones by degree. */
    record BarabasiAlbert(int nodes, int m, long seed) implements GraphSpec {
        @Override
        public Graph build() {
            return org.ensemble.graph.GraphGenerators.barabasiAlbert(nodes, m, seed);
        }

        @Override
        public String describe() {
            return "ba(" + nodes + "," + m + ")";
        }
    }

    /** The path 0–1–…–(n−1). */
    record Path(int nodes) implements GraphSpec {
        @Override
        public Graph build() {
            int[] a = new int[nodes - 1];
            int[] b = new int[nodes - 1];
            for (int i = 0; i + 1 < nodes; i++) {
                a[i] = i;
                b[i] = i + 1;
            }
            return Graph.fromEdges(nodes, a, b, null, true);
        }

        @Override
        public String describe() {
            return "path(" + nodes + ")";
        }
    }

    /** Undirected edges given as pairs; {@code label} names it in tables. */
    record Edges(String label, int nodes, int[] from, int[] to) implements GraphSpec {
        @Override
        public Graph build() {
            return Graph.fromEdges(nodes, from, to, null, true);
        }

        @Override
        public String describe() {
            return label;
        }
    }

    /** The disjoint union of the parts, numbered one after another. */
    record Union(List<GraphSpec> parts) implements GraphSpec {
        @Override
        public Graph build() {
            return GraphUnion.of(parts.stream().map(GraphSpec::build).toList()).graph();
        }

        @Override
        public String describe() {
            return String.join(" + ", parts.stream().map(GraphSpec::describe).toList());
        }
    }
}
