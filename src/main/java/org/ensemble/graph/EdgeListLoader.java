package org.ensemble.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an edge list into a {@link Graph}. Two layouts:
 * <ul>
 *   <li>SNAP style (any name not ending in {@code .csv}): lines starting with {@code #} and blank
 *       lines are skipped; every other line is {@code from to} or {@code from to weight}, separated
 *       by spaces or tabs;</li>
 *   <li>CSV ({@code .csv}): the first non-comment line is a header (its names are not interpreted);
 *       then {@code from,to} or {@code from,to,weight} per line.</li>
 * </ul>
 * Node ids are integers in [0, nodes) ({@code nodes} given) or ≥ 0 (nodes = largest id + 1). Every
 * line has the same number of columns. Refused, with {@code file:line: what}: a non-integer id, a
 * negative or out-of-range id, a non-finite weight, a wrong column count, an empty file, a
 * self-loop and a repeated edge. Self-loops and repeated edges are refused rather than dropped or
 * merged (the documented choice): a message-passing model adds self terms explicitly, and silently
 * summing or dropping repeated edges would change the coupling without a trace. Undirected (the
 * default): {@code a b} and {@code b a} are the same edge; directed: {@code from → to}.
 */
public final class EdgeListLoader {
    private EdgeListLoader() {
    }

    /** Loads the file; {@code nodes} ≤ 0 means "largest id + 1". */
    public static Graph load(Path file, int nodes, boolean directed) {
        String label = file.toString();
        boolean csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        IntList from = new IntList();
        IntList to = new IntList();
        IntList lines = new IntList();
        double[] weights = null;
        int wCount = 0;
        int columns = -1;
        long max = -1;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            boolean header = csv;
            while ((line = r.readLine()) != null) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = csv ? t.split("\\s*,\\s*", -1) : t.split("\\s+");
                if (f.length != 2 && f.length != 3) {
                    throw new EdgeListException(label, number, "expected 'from" + (csv ? "," : " ") + "to' or 'from"
                            + (csv ? "," : " ") + "to" + (csv ? "," : " ") + "weight', got " + f.length + " fields");
                }
                if (columns < 0) {
                    columns = f.length;
                } else if (f.length != columns) {
                    throw new EdgeListException(label, number, "expected " + columns + " fields like the first edge"
                            + " line, got " + f.length);
                }
                int a = id(label, number, f[0], nodes);
                int b = id(label, number, f[1], nodes);
                if (a == b) {
                    throw new EdgeListException(label, number, "self-loop at node " + a + " (self-loops are refused:"
                            + " message-passing models add self terms explicitly)");
                }
                if (columns == 3) {
                    double w;
                    try {
                        w = Double.parseDouble(f[2]);
                    } catch (NumberFormatException e) {
                        throw new EdgeListException(label, number, "expected a number as weight, got '" + f[2] + "'");
                    }
                    if (!Double.isFinite(w)) {
                        throw new EdgeListException(label, number, "expected a finite weight, got " + f[2]);
                    }
                    if (weights == null) {
                        weights = new double[1024];
                    } else if (wCount == weights.length) {
                        weights = Arrays.copyOf(weights, wCount * 2);
                    }
                    weights[wCount++] = w;
                }
                from.add(a);
                to.add(b);
                lines.add(number);
                max = Math.max(max, Math.max(a, b));
            }
        } catch (IOException e) {
            throw new EdgeListException(label, 0, "cannot read: " + e.getMessage());
        }
        if (from.size == 0) {
            throw new EdgeListException(label, 0, "no edges (the file is empty or holds only comments"
                    + (csv ? " and a header" : "") + ")");
        }
        int n = nodes > 0 ? nodes : (int) (max + 1);
        refuseRepeats(label, from, to, lines, directed);
        return Graph.fromEdges(n, from.trimmed(), to.trimmed(), weights == null ? null : Arrays.copyOf(weights, wCount),
                !directed);
    }

    private static int id(String label, int line, String text, int nodes) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new EdgeListException(label, line, "expected an integer node id, got '" + text + "'");
        }
        if (v < 0 || v >= (nodes > 0 ? nodes : Integer.MAX_VALUE - 1)) {
            throw new EdgeListException(label, line, "node id " + v + " out of range [0, "
                    + (nodes > 0 ? nodes : Integer.MAX_VALUE - 1) + ")");
        }
        return (int) v;
    }

    /** Finds the first line (in file order) whose edge appeared before, by sorting keys (no boxing for the pass). */
    private static void refuseRepeats(String label, IntList from, IntList to, IntList lines, boolean directed) {
        long[] keys = new long[from.size];
        for (int e = 0; e < keys.length; e++) {
            keys[e] = key(from.data[e], to.data[e], directed);
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int repeated = 0;
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1] && (repeated == 0 || sorted[repeated - 1] != sorted[k])) {
                sorted[repeated++] = sorted[k];
            }
        }
        if (repeated == 0) {
            return;
        }
        long[] dup = Arrays.copyOf(sorted, repeated);
        Map<Long, Integer> firstLine = new HashMap<>();
        for (int e = 0; e < keys.length; e++) {
            if (Arrays.binarySearch(dup, keys[e]) >= 0) {
                Integer before = firstLine.putIfAbsent(keys[e], lines.data[e]);
                if (before != null) {
                    throw new EdgeListException(label, lines.data[e], "repeated edge " + from.data[e]
                            + (directed ? " -> " : " - ") + to.data[e] + " (first at line " + before
                            + "; repeated edges are refused, not summed)");
                }
            }
        }
    }

    private static long key(int a, int b, boolean directed) {
        int lo = directed ? a : Math.min(a, b);
        int hi = directed ? b : Math.max(a, b);
        return ((long) lo << 32) | hi;
    }

    private static final class IntList {
        int[] data = new int[1024];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] trimmed() {
            return Arrays.copyOf(data, size);
        }
    }
}
