package org.ensemble.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The house rules as drawn: tick labels read back from the rendered chart, and the audit failing where it should. */
class PlotLayerTest {
    @TempDir
    Path dir;

    private PlotModel drawn(org.knowm.xchart.internal.chartpart.Chart<?, ?> c, String name) throws IOException {
        ChartFiles.save(c, dir, name);
        return new ObjectMapper().readValue(dir.resolve(name + ".plot.json").toFile(), PlotModel.class);
    }

    private static List<String> labelled(PlotModel.Axis a) {
        return a.tickLabels().stream().filter(s -> !s.isBlank()).toList();
    }

    @Test
    void cellsCentredOnWholeNumbersGetWholeNumberTicks() throws IOException {
        // 8 layers k = 1 … 8 (edges at k ± 1/2) by 24 nodes −12 … 11: XChart's default spacing steps
        // the short axis by 0.5 ("1.5", "2.5"), which names no layer.
        double[] ye = new double[9];
        for (int k = 0; k <= 8; k++) {
            ye[k] = k + 0.5;
        }
        double[] xe = new double[25];
        for (int j = 0; j <= 24; j++) {
            xe[j] = j - 12.5;
        }
        double[][] v = new double[24][8];
        for (double[] row : v) {
            java.util.Arrays.fill(row, 1);
        }
        PlotModel m = drawn(new DensityMap("layers", "node", "layers k", xe, ye, v, "value"), "layers");
        for (PlotModel.Axis a : List.of(m.x(), m.y())) {
            assertTrue(a.tickLabels().size() >= 3, a.toString());
            for (String t : a.tickLabels()) {
                assertTrue(t.matches("-?\\d+"), "not a whole number: " + t + " in " + a);
            }
        }
    }

    @Test
    void logAxisSpanningLessThanADecadeIsLabelled() throws IOException {
        // The MMN risk falls from 0.1 to 0.022: XChart alone labels only "0.1" there.
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("risk", new double[] {0.1, 0.06, 0.04, 0.03, 0.022});
        PlotModel m = drawn(LinePlot.create("risk", "t", "risk", new double[] {0, 1, 2, 3, 4}, s, false, true, false),
                "risk");
        assertTrue(m.y().log());
        List<String> y = labelled(m.y());
        assertTrue(y.containsAll(List.of("0.03", "0.05", "0.1")), y.toString());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void logAxisOverManyDecadesLabelsDecadesAndKeepsMinorTicks() throws IOException {
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("w", new double[] {1e-5, 1e-3, 1e-1, 10});
        PlotModel m = drawn(LinePlot.create("w", "t", "w", new double[] {0, 1, 2, 3}, s, false, true, false), "w");
        List<String> y = labelled(m.y());
        assertTrue(y.containsAll(List.of("1e-5", "0.001", "0.1", "10")), y.toString());
        assertFalse(y.contains("0.002"), y.toString());
        // Unlabelled ticks (the minor ones) are still placed.
        assertTrue(m.y().tickLabels().size() > 2 * y.size(), m.y().tickLabels().toString());
    }

    @Test
    void aLogAxisOverLessThanAFactorOfTwoAndAHalfBecomesLinear() throws IOException {
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("W2", new double[] {0.0101, 0.0105, 0.0112});
        PlotModel m = drawn(LinePlot.create("w2", "t", "W2", new double[] {0, 1, 2}, s, false, true, false), "w2");
        assertFalse(m.y().log());
        assertTrue(labelled(m.y()).size() >= 3, m.y().toString());
        assertTrue(labelled(m.y()).stream().noneMatch(l -> l.startsWith(".")), m.y().toString());
    }

    @Test
    void equallySpacedBinCentresGetRoundTicks() throws IOException {
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = -2.9988 + 0.05 * i;
            y[i] = Math.exp(-x[i] * x[i]);
        }
        PlotModel m = drawn(LinePlot.create("d", "x", "density", x, Map.of("d", y), false), "d");
        for (String l : labelled(m.x())) {
            assertTrue(l.matches("-?\\d+(\\.\\d)?"), "unround x tick " + l + " in " + m.x().tickLabels());
        }
    }

    @Test
    void theAuditReportsAHiddenLegendEntryAndAnUntitledColourBar() throws IOException {
        XYChart c = LinePlot.create("t", "x", "y", new double[] {0, 1, 2}, Map.of("a", new double[] {1, 2, 3}), false);
        c.getSeries("a").setShowInLegend(false);
        List<String> p = drawn(c, "hidden").problems();
        assertTrue(p.stream().anyMatch(s -> s.contains("\"a\" has no legend entry")), p.toString());
        DensityMap d = new DensityMap("m", "x", "y", new double[] {0, 1, 2}, new double[] {0, 1, 2},
                new double[][] {{1, 2}, {3, 4}}, " ");
        List<String> q = drawn(d, "map").problems();
        assertTrue(q.contains("colour bar without a title"), q.toString());
    }

    @Test
    void sharedScalesAreEqualAndRoundAndLogScalesSpanTheirFloor() {
        DensityMap a = HeatMaps.density("a", new double[] {0, 1, 2}, new double[] {0, 1}, new double[] {0.3, 1.7}, "ρ");
        DensityMap b = HeatMaps.density("b", new double[] {0, 1, 2}, new double[] {0, 1}, new double[] {2.3, 0.1}, "ρ");
        DensityMap.shareScale(a, b);
        assertEquals(a.colourScale(), b.colourScale());
        assertEquals(2.5, a.colourScale().high(), 0);
        assertEquals(List.of("0", "0.5", "1", "1.5", "2", "2.5"), a.colourBarLabels());
        ColourScale log = ColourScale.forMax(7829, true, 1e-3);
        assertEquals(1e4, log.high(), 0);
        assertEquals(10, log.low(), 1e-9);
    }

    @Test
    void contoursOfAParaboloidAreCirclesAndItsMinimumIsFound() {
        int n = 41;
        double[] g = new double[n];
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) {
            g[i] = -2 + 4.0 * i / (n - 1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i][j] = g[i] * g[i] + g[j] * g[j];
            }
        }
        List<double[]> segs = Contours.segments(g, g, f, new double[] {1});
        assertTrue(segs.size() > 20);
        for (double[] s : segs) {
            // Linear interpolation on a 0.1 grid: the radius is right to O(h²) = 0.01.
            assertEquals(1, Math.hypot(s[0], s[1]), 0.01);
        }
        double[][][] sp = Contours.stationaryPoints(g, g, f);
        assertEquals(1, sp[0][0].length);
        assertEquals(0, sp[0][0][0], 1e-12);
        assertEquals(0, sp[1][0].length);
    }

    @Test
    void tenSeriesColoursAreDistinct() {
        Set<Integer> rgb = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            rgb.add(Palette.series(i).getRGB());
        }
        assertEquals(10, rgb.size());
    }

    @Test
    void tickNumbersAreShortAndRound() {
        assertEquals("0.02", TickLabels.number(0.020000000000000004));
        assertEquals("1500", TickLabels.number(1500));
        assertEquals("2.5e-5", TickLabels.number(2.5e-5));
        assertEquals(2.5, TickLabels.roundUp(2.0187499999999985), 0);
    }
}
