package org.ensemble.graph;

/** Bad edge-list input: one line naming the file, the line and what was expected (the CLI exits 2). */
public final class EdgeListException extends IllegalArgumentException {
    public EdgeListException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
