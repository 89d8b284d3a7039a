package org.ensemble.gnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ensemble.graph.Graph;

/**
 * 1-dimensional Weisfeiler–Leman colour refinement, run jointly on several graphs so colours mean
 * the same in all of them: a node's next colour is its colour with the sorted multiset of its
 * senders' colours, renamed to a small integer through one shared dictionary. Refinement stops
 * when a round splits no colour class of the disjoint union (the stable colouring). Two graphs are
 * 1-WL-equivalent when their colour histograms agree at every round — then no message-passing GNN
 * with any aggregation tells them apart (Xu et al. 2019, Lemma 2), and one with injective
 * aggregation (sum, GIN) tells apart every pair that refinement does (Theorem 3).
 */
public final class ColourRefinement {
    private final List<List<Map<Integer, Integer>>> histograms = new ArrayList<>();
    private final int rounds;

    private ColourRefinement(List<Graph> graphs, List<int[]> initial) {
        List<int[]> colours = new ArrayList<>();
        for (int g = 0; g < graphs.size(); g++) {
            colours.add(initial.get(g).clone());
            histograms.add(new ArrayList<>());
        }
        int classes = record(colours);
        int r = 0;
        while (true) {
            Map<List<Integer>, Integer> dictionary = new HashMap<>();
            List<int[]> next = new ArrayList<>();
            for (int g = 0; g < graphs.size(); g++) {
                Graph graph = graphs.get(g);
                int[] c = colours.get(g);
                int[] n = new int[graph.nodes()];
                for (int i = 0; i < graph.nodes(); i++) {
                    int[] nb = new int[graph.inDegree(i)];
                    for (int k = graph.offsets()[i]; k < graph.offsets()[i + 1]; k++) {
                        nb[k - graph.offsets()[i]] = c[graph.senders()[k]];
                    }
                    Arrays.sort(nb);
                    List<Integer> signature = new ArrayList<>(nb.length + 1);
                    signature.add(c[i]);
                    for (int x : nb) {
                        signature.add(x);
                    }
                    // Ids in order of first appearance over (graph, node): the same for every run.
                    n[i] = dictionary.computeIfAbsent(signature, s -> dictionary.size());
                }
                next.add(n);
            }
            int nextClasses = dictionary.size();
            if (nextClasses == classes) {
                break; // no class split: the colouring is stable
            }
            colours = next;
            classes = record(colours);
            r++;
        }
        rounds = r;
    }

    /** Refines from the given initial colours (one array per graph; equal numbers mean equal labels). */
    public static ColourRefinement of(List<Graph> graphs, List<int[]> initial) {
        if (graphs.size() != initial.size()) {
            throw new IllegalArgumentException("one initial colouring per graph");
        }
        for (int g = 0; g < graphs.size(); g++) {
            if (initial.get(g).length != graphs.get(g).nodes()) {
                throw new IllegalArgumentException("graph " + g + ": initial colouring has the wrong length");
            }
        }
        return new ColourRefinement(graphs, initial);
    }

    /** Refines from one colour for every node (unlabelled graphs). */
    public static ColourRefinement uniform(List<Graph> graphs) {
        List<int[]> init = new ArrayList<>();
        for (Graph g : graphs) {
            init.add(new int[g.nodes()]);
        }
        return of(graphs, init);
    }

    private int record(List<int[]> colours) {
        java.util.Set<Integer> all = new java.util.HashSet<>();
        for (int g = 0; g < colours.size(); g++) {
            Map<Integer, Integer> h = new TreeMap<>();
            for (int c : colours.get(g)) {
                h.merge(c, 1, Integer::sum);
                all.add(c);
            }
            histograms.get(g).add(h);
        }
        return all.size();
    }

    /** Refinement rounds until stable (0: the initial colouring is already stable). */
    public int rounds() {
        return rounds;
    }

    /** Graph g's colour histogram after round r (0 = initial), r ≤ {@link #rounds()}. */
    public Map<Integer, Integer> histogram(int g, int r) {
        return histograms.get(g).get(r);
    }

    /** The first round at which graphs a and b have different histograms, or −1 if they never do (1-WL-equivalent). */
    public int firstDifference(int a, int b) {
        for (int r = 0; r <= rounds; r++) {
            if (!histogram(a, r).equals(histogram(b, r))) {
                return r;
            }
        }
        return -1;
    }
}
