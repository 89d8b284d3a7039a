package org.ensemble.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeListLoaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsSnapStyleWithCommentsAsUndirected() throws Exception {
        Graph g = EdgeListLoader.load(file("g.txt", "# a comment\n# FromNodeId\tToNodeId\n0\t1\n1 2\n\n2   3\n"), 0,
                false);
        assertEquals(4, g.nodes());
        assertEquals(6, g.edges());
        assertNull(g.weights());
        assertTrue(g.isSymmetric());
        assertArrayEquals(new int[] {0, 2}, java.util.Arrays.copyOfRange(g.senders(), g.offsets()[1], g.offsets()[2]));
        Graph directed = EdgeListLoader.load(dir.resolve("g.txt"), 5, true);
        assertEquals(5, directed.nodes());
        assertEquals(3, directed.edges());
        assertFalse(directed.isSymmetric());
    }

    @Test
    void readsCsvWithHeaderAndWeights() throws Exception {
        Graph g = EdgeListLoader.load(file("g.csv", "source,target,weight\n0,1,0.5\n2,1,2\n"), 0, false);
        assertEquals(3, g.nodes());
        assertEquals(4, g.edges());
        // node 1 receives from 0 (w 0.5) and 2 (w 2)
        assertEquals(0.5, g.weight(g.offsets()[1]));
        assertEquals(2.0, g.weight(g.offsets()[1] + 1));
    }

    private String error(String name, String text, int nodes) throws Exception {
        Path p = file(name, text);
        return assertThrows(EdgeListException.class, () -> EdgeListLoader.load(p, nodes, false)).getMessage();
    }

    @Test
    void badInputNamesFileAndLine() throws Exception {
        String m = error("a.txt", "# c\n0 1\n1 x\n", 0);
        assertTrue(m.startsWith(dir.resolve("a.txt") + ":3: expected an integer node id, got 'x'"), m);
        m = error("b.txt", "0 1\n2 2\n", 0);
        assertTrue(m.contains("b.txt:2: self-loop at node 2"), m);
        m = error("c.txt", "0 1\n1 2\n2 1\n", 0);
        assertTrue(m.contains("c.txt:3: repeated edge 2 - 1 (first at line 2"), m);
        m = error("d.txt", "0 1\n1 5\n", 4);
        assertTrue(m.contains("d.txt:2: node id 5 out of range [0, 4)"), m);
        m = error("e.txt", "0 1\n-1 2\n", 0);
        assertTrue(m.contains("e.txt:2: node id -1 out of range"), m);
        m = error("f.txt", "", 0);
        assertTrue(m.contains("f.txt: no edges"), m);
        m = error("g.csv", "from,to\n", 0);
        assertTrue(m.contains("g.csv: no edges"), m);
        m = error("h.txt", "0 1 1.0\n1 2\n", 0);
        assertTrue(m.contains("h.txt:2: expected 3 fields"), m);
        m = error("i.txt", "0 1 Infinity\n", 0);
        assertTrue(m.contains("i.txt:1: expected a finite weight"), m);
        assertEquals(1, m.lines().count());
    }
}
