package org.ensemble.gnn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ensemble.graph.Graph;
import org.junit.jupiter.api.Test;

/** 1-WL colour refinement on pairs whose verdict is known. */
class ColourRefinementTest {
    private static Graph edges(int n, int... pairs) {
        int[] a = new int[pairs.length / 2];
        int[] b = new int[pairs.length / 2];
        for (int e = 0; e < a.length; e++) {
            a[e] = pairs[2 * e];
            b[e] = pairs[2 * e + 1];
        }
        return Graph.fromEdges(n, a, b, null, true);
    }

    private static int first(Graph a, Graph b) {
        return ColourRefinement.uniform(List.of(a, b)).firstDifference(0, 1);
    }

    @Test
    void regularGraphsOfOneDegreeAndSizeAreEquivalent() {
        Graph twoTriangles = new GraphSpec.Union(List.of(new GraphSpec.Complete(3), new GraphSpec.Complete(3))).build();
        assertEquals(-1, first(Graph.ring(6), twoTriangles));
        Graph k33 = edges(6, 0, 3, 0, 4, 0, 5, 1, 3, 1, 4, 1, 5, 2, 3, 2, 4, 2, 5);
        Graph prism = edges(6, 0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3, 0, 3, 1, 4, 2, 5);
        assertEquals(-1, first(k33, prism));
        assertEquals(0, ColourRefinement.uniform(List.of(k33, prism)).rounds()); // uniform colouring of regular graphs is stable
    }

    @Test
    void decalinAndBicyclopentylNeedTwoRoundsToStabiliseAndStayEquivalent() {
        Graph decalin = edges(10, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0, 5, 6, 6, 7, 7, 8, 8, 9, 9, 0);
        Graph bicyclopentyl = edges(10, 0, 1, 1, 2, 2, 3, 3, 4, 4, 0, 5, 6, 6, 7, 7, 8, 8, 9, 9, 5, 0, 5);
        ColourRefinement cr = ColourRefinement.uniform(List.of(decalin, bicyclopentyl));
        assertEquals(-1, cr.firstDifference(0, 1));
        // Round 1: degree (2 or 3); round 2: degree-2 nodes next to a degree-3 node split off; round 3 splits nothing.
        assertEquals(2, cr.rounds());
        assertEquals(List.of(2, 8), cr.histogram(0, 1).values().stream().sorted().toList());
        assertEquals(List.of(2, 4, 4), cr.histogram(1, 2).values().stream().sorted().toList());
    }

    @Test
    void pathAgainstTriangleAndPathDiffersAtRoundTwo() {
        Graph p6 = new GraphSpec.Path(6).build();
        Graph c3p3 = new GraphSpec.Union(List.of(new GraphSpec.Complete(3), new GraphSpec.Path(3))).build();
        assertEquals(2, first(p6, c3p3)); // same degree histogram, different neighbour degrees
        assertEquals(1, first(Graph.ring(4), new GraphSpec.Path(4).build())); // degrees differ
    }

    @Test
    void initialLabelsCount() {
        Graph r = Graph.ring(4);
        assertEquals(0, ColourRefinement.of(List.of(r, r), List.of(new int[] {0, 0, 0, 1}, new int[] {0, 0, 0, 0}))
                .firstDifference(0, 1));
    }
}
