package org.ensemble.meanfield;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ensemble.langevin.Measure;
import org.ensemble.observe.ColumnSource;

/**
 * Runs the PDE in step with a particle run and measures the gap at every full report: W1 and W2
 * between the particles' empirical measure and the PDE density (exact, via quantile functions),
 * and the PDE's mean, variance, free energy and mass. Keeps a few density snapshots for plots.
 */
public final class PdeComparison implements PdeBeside {
    /** A PDE density and the particles' positions at one time. */
    public record Snapshot(double time, double[] density, double[] positions) {
    }

    private final FokkerPlanck1D pde;
    private final double dt;
    private final double totalTime;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private double lastW1 = Double.NaN;
    private double lastW2 = Double.NaN;
    private int nextSnapshot;
    private boolean snapshotTaken;
    private final List<Double> times = new ArrayList<>();
    private final List<Double> w2Series = new ArrayList<>();

    public PdeComparison(FokkerPlanck1D pde, double dt, double totalTime) {
        this.pde = pde;
        this.dt = dt;
        this.totalTime = totalTime;
    }

    public FokkerPlanck1D pde() {
        return pde;
    }

    @Override
    public List<String> columns() {
        return List.of("w1_pde", "w2_pde", "pde_mean", "pde_variance", "pde_free_energy", "particles_free_energy",
                "pde_mass");
    }

    @Override
    public double[] values(Measure m) {
        pde.advanceTo(m.time(), dt);
        double[] x = m.positions();
        if (x == null || x.length == 0) {
            throw new IllegalStateException("the PDE comparison needs the particles' positions at every report");
        }
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] w = Wasserstein1D.distances(sorted, pde.edges(), pde.density());
        lastW1 = w[0];
        lastW2 = w[1];
        times.add(m.time());
        w2Series.add(w[1]);
        snapshotTaken = snapshotDue(m);
        if (snapshotTaken) {
            snapshots.add(new Snapshot(m.time(), pde.density(), sorted));
            nextSnapshot++;
        }
        double particlesF = pde.freeEnergyOf(pde.histogramOf(sorted));
        return new double[] {w[0], w[1], pde.mean(), pde.variance(), pde.freeEnergy(), particlesF, pde.mass()};
    }

    /** Snapshots at t = 0 and at about 1/3, 2/3 and the end of the run. */
    private boolean snapshotDue(Measure m) {
        return nextSnapshot < 4 && m.time() >= nextSnapshot * totalTime / 3 - 1e-9;
    }

    /** Only the snapshots' positions are needed again: W1, W2 and the free energies come from {@code v}. */
    @Override
    public void replay(Measure m, double[] v) {
        pde.advanceTo(m.time(), dt);
        lastW1 = v[0];
        lastW2 = v[1];
        times.add(m.time());
        w2Series.add(v[1]);
        if (snapshotDue(m)) {
            if (m.positions() == null) {
                throw new IllegalStateException("the observed log lacks the positions of the snapshot at t = "
                        + m.time());
            }
            double[] sorted = m.positions().clone();
            Arrays.sort(sorted);
            snapshots.add(new Snapshot(m.time(), pde.density(), sorted));
            nextSnapshot++;
        }
    }

    @Override
    public boolean keepsPositions() {
        return snapshotTaken;
    }

    public List<Snapshot> snapshots() {
        return snapshots;
    }

    public double[] times() {
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double[] w2() {
        return w2Series.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** W2 averaged over the reports in the second half of the run (less noisy than the last value). */
    public double lateW2() {
        return PdeBeside.lateMean(times, w2Series);
    }

    @Override
    public java.util.Map<String, Object> summary() {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("cells", pde.cells());
        p.put("w1", lastW1);
        p.put("w2", lastW2);
        p.put("w2_late_mean", lateW2());
        p.put("mean", pde.mean());
        p.put("variance", pde.variance());
        p.put("free_energy", pde.freeEnergy());
        p.put("mass", pde.mass());
        return p;
    }

    @Override
    public String describe() {
        return String.format("PDE beside the particles: W1 = %.4g, W2 = %.4g at t = %.6g; PDE mean %.6g, mass − 1 = %.1e",
                lastW1, lastW2, pde.time(), pde.mean(), pde.mass() - 1);
    }

    @Override
    public void plots(java.nio.file.Path dir) {
        PdePlots.oneDimensional(dir, this);
    }

    public double lastW1() {
        return lastW1;
    }

    public double lastW2() {
        return lastW2;
    }
}
