package org.ensemble.meanfield;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.langevin.Measure;

/** The 2-D PDE in step with a particle run: sliced W2 at every full report, and the PDE's mean and mass. */
public final class PdeComparison2D implements PdeBeside {
    /** Directions of the sliced distance: enough that its own quadrature error is far below its noise. */
    static final int DIRECTIONS = 32;

    private final FokkerPlanck2D pde;
    private final double dt;
    private final List<Double> times = new ArrayList<>();
    private final List<Double> w2 = new ArrayList<>();
    private double[] lastPositions;

    public PdeComparison2D(FokkerPlanck2D pde, double dt) {
        this.pde = pde;
        this.dt = dt;
    }

    @Override
    public List<String> columns() {
        return List.of("sliced_w2_pde", "pde_mean_0", "pde_mean_1", "pde_free_energy", "particles_free_energy",
                "pde_mass");
    }

    @Override
    public double[] values(Measure m) {
        pde.advanceTo(m.time(), dt);
        double[] xy = m.positions();
        if (xy == null || xy.length == 0) {
            throw new IllegalStateException("the PDE comparison needs the particles' positions at every report");
        }
        double w = SlicedWasserstein.w2(xy, pde, DIRECTIONS);
        times.add(m.time());
        w2.add(w);
        double[] mean = pde.mean();
        lastPositions = xy;
        double particlesF = pde.freeEnergyOf(pde.histogramOf(xy));
        return new double[] {w, mean[0], mean[1], pde.freeEnergy(), particlesF, pde.mass()};
    }

    /**
     * The sliced W2 comes from {@code v}; the positions are not logged, so a resumed run's last-report
     * picture is made from a report after the resume (always one: a run ends with a report).
     */
    @Override
    public void replay(Measure m, double[] v) {
        pde.advanceTo(m.time(), dt);
        times.add(m.time());
        w2.add(v[0]);
    }

    @Override
    public boolean keepsPositions() {
        return false;
    }

    @Override
    public double lateW2() {
        return PdeBeside.lateMean(times, w2);
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cells_per_axis", pde.cellsPerAxis());
        p.put("sliced_w2", w2.isEmpty() ? null : w2.get(w2.size() - 1));
        p.put("w2_late_mean", lateW2());
        p.put("mean", List.of(pde.mean()[0], pde.mean()[1]));
        p.put("free_energy", pde.freeEnergy());
        p.put("mass", pde.mass());
        return p;
    }

    @Override
    public String describe() {
        double[] m = pde.mean();
        return String.format("2-D PDE beside the particles: sliced W2 = %.4g at t = %.6g; PDE mean (%.5g, %.5g),"
                + " mass − 1 = %.1e", w2.isEmpty() ? Double.NaN : w2.get(w2.size() - 1), pde.time(), m[0], m[1],
                pde.mass() - 1);
    }

    @Override
    public void plots(Path dir) {
        PdePlots.w2OverTime(dir, times.stream().mapToDouble(Double::doubleValue).toArray(),
                w2.stream().mapToDouble(Double::doubleValue).toArray(), "sliced W2");
        if (lastPositions != null) {
            // Side by side at the last report: the PDE density and the particles' histogram on its grid.
            PdePlots.density2dPair(dir, pde, pde.histogramOf(lastPositions));
        }
    }
}
