package org.ensemble.meanfield;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.DensityMap;
import org.ensemble.plot.HeatMaps;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.knowm.xchart.XYChart;

/** Plots of a PDE beside particles: W2 over time, and the density over the particle histogram. */
final class PdePlots {
    private PdePlots() {
    }

    /**
     * The PDE density and the particles' histogram at the same time, on one log colour scale (three
     * decades below the larger maximum, so the shallow minima show), with the potential's contours
     * and its minima and saddles marked.
     */
    static void density2dPair(Path dir, FokkerPlanck2D pde, double[] particles) {
        double[] xe = pde.edgesX();
        double[] ye = pde.edgesY();
        String unit = "density ρ(x, y) (log scale)";
        DensityMap p = HeatMaps.density(String.format("PDE density at t = %.4g", pde.time()), xe, ye, pde.density(),
                unit).logScale(1e-3);
        DensityMap h = HeatMaps.density(String.format("Particle histogram at t = %.4g (same colour scale)",
                pde.time()), xe, ye, particles, unit).logScale(1e-3);
        int n = xe.length - 1;
        int m = ye.length - 1;
        double[] xc = new double[n];
        double[] yc = new double[m];
        double[][] v = new double[n][m];
        double[] flat = pde.potentialAtCentres();
        for (int i = 0; i < n; i++) {
            xc[i] = pde.cx(i);
            for (int j = 0; j < m; j++) {
                yc[j] = pde.cy(j);
                v[i][j] = flat[i * m + j];
            }
        }
        p.potential("V", xc, yc, v, 12);
        h.potential("V", xc, yc, v, 12);
        DensityMap.shareScale(p, h);
        ChartFiles.save(p, dir, "pde-density-2d");
        ChartFiles.save(h, dir, "particles-density-2d");
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
        XYChart c = LinePlot.create("PDE density (lines) over the particle histogram (points)", "x",
                "density ρ(x)", centres, Map.of(), false);
        int k = 0;
        for (PdeComparison.Snapshot s : snaps) {
            // Particle histogram on a coarser grid (about 20 particles per bin at the mode), drawn at its bins' centres.
            int group = Math.max(1, cells / 100);
            int groups = (cells + group - 1) / group;
            double[] hist = new double[groups];
            double[] hx = new double[groups];
            double width = (edges[cells] - edges[0]) / cells * group;
            for (int g = 0; g < groups; g++) {
                hx[g] = edges[0] + (g + 0.5) * width;
            }
            for (double x : s.positions()) {
                int i = (int) Math.floor((x - edges[0]) / (edges[cells] - edges[0]) * cells);
                if (i >= 0 && i < cells) {
                    hist[i / group] += 1.0 / (s.positions().length * width);
                }
            }
            java.awt.Color colour = Palette.series(k++);
            Overlays.line(c, String.format("PDE, t = %.3g", s.time()), centres, s.density(), colour);
            Overlays.points(c, String.format("particles, t = %.3g", s.time()), hx, hist, colour,
                    org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        }
        c.getStyler().setMarkerSize(4);
        ChartFiles.save(c, dir, "pde-vs-particles");
    }
}
