package org.ensemble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.meanfield.DesaiZwanzig;
import org.ensemble.plot.ChartFiles;
import org.ensemble.plot.PitchforkPlot;
import org.ensemble.run.RunResult;
import org.ensemble.study.StudyTable;

/** Sweep-level plots beyond Arrhenius: the Desai–Zwanzig pitchfork of a β sweep. */
final class SweepPlots {
    private SweepPlots() {
    }

    /**
     * m*(β) from the self-consistency equation beside each β's measured stationary mean (mean over
     * seeds; its SE across seeds with several seeds, else the run's own time-average SE). Nothing
     * is drawn unless the runs are Desai–Zwanzig runs with a stationary average.
     */
    static void pitchfork(List<RunResult> results, List<StudyTable.Mean> means, Path plots) {
        if (results.isEmpty() || !(results.get(0).summary().get("meanfield") instanceof Map<?, ?> mf)
                || !(mf.get("theta") instanceof Double theta)) {
            return;
        }
        List<double[]> pts = new ArrayList<>();
        for (StudyTable.Mean m : means) {
            double mean = m.mean("stationary_mean");
            double se = m.seeds() > 1 ? m.se("stationary_mean") : m.mean("stationary_mean_se");
            double b;
            try {
                b = Double.parseDouble(m.value());
            } catch (NumberFormatException e) {
                return;
            }
            if (Double.isFinite(mean)) {
                pts.add(new double[] {b, mean, se});
            }
        }
        if (pts.isEmpty()) {
            return;
        }
        DesaiZwanzig dz = new DesaiZwanzig(theta);
        double lo = Math.min(pts.stream().mapToDouble(p -> p[0]).min().getAsDouble(), dz.criticalBeta()) * 0.8;
        double hi = Math.max(pts.stream().mapToDouble(p -> p[0]).max().getAsDouble(), dz.criticalBeta()) * 1.1;
        int n = 200;
        double[] grid = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = lo + (hi - lo) * i / (n - 1);
            m[i] = dz.magnetization(grid[i]);
        }
        ChartFiles.save(PitchforkPlot.create("Desai–Zwanzig pitchfork: stationary mean against β (θ = " + theta + ")",
                grid, m, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(),
                pts.stream().mapToDouble(p -> p[2]).toArray(), dz.criticalBeta()), plots, "pitchfork");
    }
}
