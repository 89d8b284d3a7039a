package org.ensemble.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {
    @TempDir
    Path dir;

    /** Row i: id = "r<i>" (ignored text), a = i, y = 10·i + 1, b = i/4; the label identifies the row. */
    private Path goodFile(int rows) throws IOException {
        StringBuilder sb = new StringBuilder("id, a ,y,b\n");
        for (int i = 0; i < rows; i++) {
            sb.append("r").append(i).append(',').append(i).append(", ").append(10 * i + 1).append(',')
                    .append(i / 4.0).append('\n');
            if (i == 2) {
                sb.append("\n"); // blank lines are skipped
            }
        }
        return write("data.csv", sb.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static int rowOf(double label) {
        return (int) Math.round((label - 1) / 10);
    }

    @Test
    void valuesRoundTripAndSplitCoversEveryRowOnce() throws IOException {
        int n = 50;
        CsvData c = new CsvData(goodFile(n), "y", List.of("a", "b"), 0.3, 1, 2);
        assertEquals(n, c.rows());
        assertEquals(n, c.trainRows() + c.testRows());
        assertEquals(2, c.dimension());
        assertEquals(List.of("a", "b"), c.featureColumns());
        double[] x = new double[2];
        Set<Integer> test = new HashSet<>();
        int previous = -1;
        for (int j = 0; j < c.testRows(); j++) {
            int r = rowOf(c.testSample(j, x));
            assertArrayEquals(new double[] {r, r / 4.0}, x, "held-out row " + r);
            assertTrue(r > previous, "held-out rows in file order");
            previous = r;
            test.add(r);
        }
        assertEquals(c.testRows(), test.size());
        // j mod testRows.
        assertEquals(c.testSample(0, x), c.testSample(c.testRows(), x));
        assertEquals(c.testSample(c.testRows() - 1, x), c.testSample(-1, x));
        Set<Integer> train = new HashSet<>();
        for (int j = 0; j < 2000; j++) {
            int r = rowOf(c.trainSample(j / 10, j % 10, x));
            assertArrayEquals(new double[] {r, r / 4.0}, x, "training row " + r);
            assertTrue(!test.contains(r), "training sample " + r + " is held out");
            train.add(r);
        }
        // 2000 uniform picks from ≤ 50 rows miss one with probability < 50·(49/50)^2000 ≈ 1e-16.
        assertEquals(c.trainRows(), train.size());
    }

    @Test
    void defaultFeaturesAreAllOtherColumnsInFileOrder() throws IOException {
        Path f = write("plain.csv", "a,y,b\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n13,14,15\n16,17,18\n19,20,21\n22,23,24\n");
        CsvData c = new CsvData(f, "y", 3, 4);
        assertEquals(List.of("a", "b"), c.featureColumns());
        double[] x = new double[2];
        double y = c.trainSample(0, 0, x);
        assertEquals(x[0] + 1, y);
        assertEquals(x[0] + 2, x[1]);
        assertTrue(c.describe().contains("plain.csv"), c.describe());
    }

    @Test
    void deterministicAndSplitDependsOnSplitSeedOnly() throws IOException {
        Path f = goodFile(40);
        DataSourceChecks.assertDeterministic(new CsvData(f, "y", List.of("a"), 0.25, 5, 6),
                new CsvData(f, "y", List.of("a"), 0.25, 5, 6));
        CsvData a = new CsvData(f, "y", List.of("a"), 0.25, 5, 6);
        CsvData b = new CsvData(f, "y", List.of("a"), 0.25, 5, 7);
        assertArrayEquals(DataSourceChecks.test(a, 0), DataSourceChecks.test(b, 0), "same split, other training seed");
        assertTrue(!java.util.Arrays.equals(DataSourceChecks.train(a, 0, 0), DataSourceChecks.train(b, 0, 0)));
    }

    @Test
    void splitFractionIsNearTestFraction() throws IOException {
        int n = 2000;
        Path f = goodFile(n);
        for (double q : new double[] {0.2, 0.5}) {
            CsvData c = new CsvData(f, "y", List.of("a", "b"), q, 11, 0);
            // Binomial(2000, q): SD = √(2000 q (1 − q)) ≈ 17.9 (q = 0.2), 22.4 (q = 0.5); 4 SD.
            assertEquals(q * n, c.testRows(), 4 * Math.sqrt(n * q * (1 - q)), "testFraction " + q);
        }
    }

    /** The message names the file, the line and (where there is one) the column. */
    private static DataFileException fails(Path f, String line, String column, Executable e) {
        DataFileException ex = assertThrows(DataFileException.class, e);
        String m = ex.getMessage();
        assertTrue(m.contains(f.getFileName().toString()), m);
        if (line != null) {
            assertTrue(m.contains(f.getFileName() + ":" + line + ":"), m);
        }
        if (column != null) {
            assertTrue(m.contains("column '" + column + "'"), m);
            assertEquals(column, ex.column());
        }
        return ex;
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws IOException {
        Path f = write("bad.csv", "x1,x2,x3,label\n1,2,3,1\n\n4,5,abc,-1\n");
        DataFileException e = fails(f, "4", "x3", () -> new CsvData(f, "label", 0, 0));
        assertTrue(e.getMessage().endsWith("bad.csv:4: column 'x3': expected a number, got 'abc'"), e.getMessage());
        assertEquals(4, e.line());
        Path g = write("empty-field.csv", "x,label\n1,1\n,2\n");
        fails(g, "3", "x", () -> new CsvData(g, "label", 0, 0));
        Path h = write("bad-label.csv", "x,label\n1,1\n2,yes\n");
        fails(h, "3", "label", () -> new CsvData(h, "label", 0, 0));
    }

    @Test
    void nonFiniteNumbers() throws IOException {
        for (String v : new String[] {"NaN", "Infinity", "-Infinity", "1e999"}) {
            Path f = write("nonfinite.csv", "x,label\n1,1\n" + v + ",2\n");
            DataFileException e = fails(f, "3", "x", () -> new CsvData(f, "label", 0, 0));
            assertTrue(e.getMessage().contains("finite"), e.getMessage());
        }
    }

    @Test
    void raggedRows() throws IOException {
        Path f = write("short.csv", "a,b,c,label\n1,2,3,4\n1,2\n");
        DataFileException e = fails(f, "3", "c", () -> new CsvData(f, "label", 0, 0));
        assertTrue(e.getMessage().contains("expected 4 fields"), e.getMessage());
        Path g = write("long.csv", "a,label\n1,2\n3,4\n5,6,7\n");
        e = fails(g, "4", null, () -> new CsvData(g, "label", 0, 0));
        assertTrue(e.getMessage().contains("expected 2 fields like the header (a, label), got 3"), e.getMessage());
    }

    @Test
    void headerProblems() throws IOException {
        Path f = write("nolabel.csv", "a,b\n1,2\n3,4\n");
        DataFileException e = fails(f, "1", "target", () -> new CsvData(f, "target", 0, 0));
        assertTrue(e.getMessage().contains("label column not in the header (columns: a, b)"), e.getMessage());
        fails(f, "1", "z", () -> new CsvData(f, "b", List.of("a", "z"), 0.2, 0, 0));
        Path g = write("dup.csv", "a,a,y\n1,2,3\n4,5,6\n");
        fails(g, "1", "a", () -> new CsvData(g, "y", 0, 0));
        Path h = write("onlylabel.csv", "y\n1\n2\n");
        fails(h, "1", null, () -> new CsvData(h, "y", 0, 0));
        Path bom = write("bom.csv", "\uFEFFy,a\n1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n");
        assertEquals(6, new CsvData(bom, "y", 0, 0).rows(), "a byte-order mark is not part of the first name");
    }

    @Test
    void missingEmptyAndTooShortFiles() throws IOException {
        Path missing = dir.resolve("missing.csv");
        DataFileException e = fails(missing, null, null, () -> new CsvData(missing, "y", 0, 0));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        Path empty = write("empty.csv", "");
        e = fails(empty, "1", null, () -> new CsvData(empty, "y", 0, 0));
        assertTrue(e.getMessage().contains("empty file"), e.getMessage());
        Path one = write("one.csv", "a,y\n1,2\n\n");
        e = fails(one, null, null, () -> new CsvData(one, "y", 0, 0));
        assertTrue(e.getMessage().contains("at least 2 data rows"), e.getMessage());
        Path headerOnly = write("header.csv", "a,y\n");
        fails(headerOnly, null, null, () -> new CsvData(headerOnly, "y", 0, 0));
    }

    @Test
    void nonUtf8FileNamesTheLine() throws IOException {
        // Latin-1 "é" (0xE9) on line 40, far beyond the first read-ahead of a buffered reader.
        StringBuilder sb = new StringBuilder("x,label\n");
        for (int i = 2; i < 40; i++) {
            sb.append(i).append(',').append(i).append('\n');
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = "1,caf\u00e9\n2,3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + bad.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Path f = dir.resolve("latin1.csv");
        Files.write(f, all);
        DataFileException e = fails(f, "40", null, () -> new CsvData(f, "label", 0, 0));
        assertEquals(f + ":40: not valid UTF-8 (save the file as UTF-8)", e.getMessage());
        assertEquals(40, e.line());
    }

    @Test
    void splitLeavingOneSideEmptyIsAnError() throws IOException {
        Path f = write("two.csv", "a,y\n1,2\n3,4\n");
        // With 2 rows and testFraction 0.01 some split seed among the first few holds out nothing.
        boolean failed = false;
        for (long s = 0; s < 5 && !failed; s++) {
            final long seed = s;
            try {
                new CsvData(f, "y", null, 0.01, seed, 0);
            } catch (DataFileException e) {
                assertTrue(e.getMessage().contains("no held-out rows"), e.getMessage());
                failed = true;
            }
        }
        assertTrue(failed);
    }

    @Test
    void rejectsBadArguments() throws IOException {
        Path f = goodFile(10);
        assertMessage("file", () -> new CsvData(null, "y", 0, 0));
        assertMessage("labelColumn", () -> new CsvData(f, " ", 0, 0));
        assertMessage("featureColumns", () -> new CsvData(f, "y", List.of(), 0.2, 0, 0));
        assertMessage("featureColumns", () -> new CsvData(f, "y", List.of("a", "y"), 0.2, 0, 0));
        assertMessage("featureColumns", () -> new CsvData(f, "y", List.of("a", "a"), 0.2, 0, 0));
        assertMessage("testFraction", () -> new CsvData(f, "y", null, 0.0, 0, 0));
        assertMessage("testFraction", () -> new CsvData(f, "y", null, 1.0, 0, 0));
        assertMessage("testFraction", () -> new CsvData(f, "y", null, Double.NaN, 0, 0));
    }

    private static void assertMessage(String word, Executable e) {
        String m = assertThrows(IllegalArgumentException.class, e).getMessage();
        assertTrue(m.contains(word), m);
    }
}
