package org.ensemble.meanfield;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.LinePlot;

/** Plots of a PDE beside particles: W2 over time, and the density over the particle histogram. */
final class PdePlots {
    private PdePlots() {
    }

    /** A density on the 2-D PDE grid as a heat map (scaled to integer cell values for the chart). */
    static void density2d(Path dir, String base, String title, FokkerPlanck2D pde, double[] density) {
        long[] cells = new long[density.length];
        for (int k = 0; k < density.length; k++) {
            cells[k] = Math.round(1000 * density[k]);
        }
        ChartFiles.save(org.ensemble.plot.HeatMaps.joint(title + " (×1000)", pde.edgesX(), pde.edgesY(), cells), dir,
                base);
    }

    static void w2OverTime(Path dir, double[] t, double[] w2, String what) {
        if (t.length > 1) {
            ChartFiles.save(LinePlot.create("Particles vs PDE: " + what + " over time", "time t", what, t,
                    Map.of(what + "(particles, PDE)", w2), true), dir, "w2-over-time");
        }
    }

    static void oneDimensional(Path dir, PdeComparison p) {
        w2OverTime(dir, p.times(), p.w2(), "W2");
        List<PdeComparison.Snapshot> snaps = p.snapshots();
        if (snaps.isEmpty()) {
            return;
        }
        double[] edges = p.pde().edges();
        int cells = edges.length - 1;
        double[] centres = new double[cells];
        for (int i = 0; i < cells; i++) {
            centres[i] = 0.5 * (edges[i] + edges[i + 1]);
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        for (PdeComparison.Snapshot s : snaps) {
            // Particle histogram on a coarser grid (about 20 particles per bin at the mode), drawn at the PDE's centres.
            int group = Math.max(1, cells / 100);
            double[] hist = new double[cells];
            double width = (edges[cells] - edges[0]) / cells * group;
            for (double x : s.positions()) {
                int i = (int) Math.floor((x - edges[0]) / (edges[cells] - edges[0]) * cells);
                if (i >= 0 && i < cells) {
                    int g = i / group;
                    for (int k = g * group; k < Math.min(cells, (g + 1) * group); k++) {
                        hist[k] += 1.0 / (s.positions().length * width);
                    }
                }
            }
            series.put(String.format("particles t = %.3g", s.time()), hist);
            series.put(String.format("PDE t = %.3g", s.time()), s.density());
        }
        ChartFiles.save(LinePlot.create("PDE density over the particle histogram", "x", "density", centres, series,
                false), dir, "pde-vs-particles");
    }
}
