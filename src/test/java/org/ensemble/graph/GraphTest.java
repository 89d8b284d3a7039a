package org.ensemble.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GraphTest {

    @Test
    void csrIsSortedByReceiverThenSender() {
        // edges given out of order: 2→0, 1→0, 0→1 (directed)
        Graph g = Graph.fromEdges(3, new int[] {2, 1, 0}, new int[] {0, 0, 1}, new double[] {5, 7, 9}, false);
        assertArrayEquals(new int[] {0, 2, 3, 3}, g.offsets());
        assertArrayEquals(new int[] {1, 2, 0}, g.senders());
        assertArrayEquals(new double[] {7, 5, 9}, g.weights());
        assertFalse(g.isSymmetric());
    }

    @Test
    void generatorsHaveTheirDegrees() {
        Graph ring = Graph.ring(6);
        Graph full = Graph.complete(5);
        Graph grid = Graph.grid(3, 4);
        for (int i = 0; i < 6; i++) {
            assertEquals(2, ring.inDegree(i));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(4, full.inDegree(i));
        }
        assertEquals(2 * (3 * 3 + 4 * 2), grid.edges());
        assertEquals(2, grid.inDegree(0)); // corner
        assertEquals(4, grid.inDegree(5)); // interior (row 1, col 1)
        assertTrue(ring.isSymmetric() && full.isSymmetric() && grid.isSymmetric());
        assertEquals(Graph.complete(5), Graph.fromEdges(5, new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 3},
                new int[] {1, 2, 3, 4, 2, 3, 4, 3, 4, 4}, null, true));
    }

    @Test
    void refusesSelfLoopsRepeatsAndOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> Graph.fromEdges(3, new int[] {1}, new int[] {1}, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> Graph.fromEdges(3, new int[] {0, 1}, new int[] {1, 0}, null, true));
        assertThrows(IllegalArgumentException.class, () -> Graph.fromEdges(3, new int[] {0}, new int[] {3}, null, false));
        assertThrows(IllegalArgumentException.class, () -> new Graph(2, new int[] {0, 2, 2}, new int[] {1, 0}, null));
    }
}
