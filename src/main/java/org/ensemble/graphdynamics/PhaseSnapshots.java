package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.Observer;

/**
 * Asks for every state at the given steps and keeps a histogram of the phases there (density per
 * bin on [0, 2π)) and, when a Fokker–Planck solution runs beside, the PDE's density on the same
 * cells at the same time and W1 on the circle between the phases and the PDE.
 */
public final class PhaseSnapshots implements Observer<NodeMeasure> {
    /**
     * One snapshot: time, particle density per bin (as is, and turned to the PDE's mean phase), the PDE's
     * density averaged over the same bins (null without PDE), W1 between
     * them and W1 after turning the phases so their mean phase ψ is the PDE's (NaN without PDE). The
     * mean phase of N oscillators diffuses along the neutral rotation (variance ≈ 2Dt/(N r²)), which
     * the symmetric PDE does not: the aligned distance measures the shape alone.
     */
    public record Snapshot(double time, double[] histogram, double[] alignedHistogram, double[] pde, double w1,
                           double w1Aligned) {
    }

    private final long[] steps;
    private final int bins;
    private final CircleFokkerPlanck pde;
    private final List<Snapshot> snapshots = new ArrayList<>();

    /** {@code pde} may be null; when given, {@code bins} must divide its cells (W1 uses the cells themselves). */
    public PhaseSnapshots(long[] steps, int bins, CircleFokkerPlanck pde) {
        this.steps = steps.clone();
        java.util.Arrays.sort(this.steps);
        if (bins < 1 || (pde != null && pde.cells() % bins != 0)) {
            throw new IllegalArgumentException(bins + " histogram bins do not divide the PDE's cells");
        }
        this.bins = bins;
        this.pde = pde;
    }

    @Override
    public long nextNeed(long step) {
        for (long s : steps) {
            if (s >= step) {
                return s;
            }
        }
        return NEVER;
    }

    @Override
    public void observe(NodeMeasure m) {
        if (m.states() == null || java.util.Arrays.binarySearch(steps, m.step()) < 0) {
            return;
        }
        double[] hist = histogram(m.states(), bins);
        double[] alignedHist = null;
        double[] rho = null;
        double w1 = Double.NaN;
        double aligned = Double.NaN;
        if (pde != null) {
            pde.advanceTo(m.time());
            double[] cells = pde.density();
            w1 = CircleWasserstein.distance(m.states(), cells);
            double[] mom = pde.moments();
            double turn = Math.atan2(mom[1], mom[0]) - m.psi();
            double[] turned = new double[m.states().length];
            for (int i = 0; i < turned.length; i++) {
                turned[i] = m.states()[i] + turn;
            }
            aligned = CircleWasserstein.distance(turned, cells);
            alignedHist = histogram(turned, bins);
            int group = cells.length / bins;
            rho = new double[bins];
            for (int i = 0; i < cells.length; i++) {
                rho[i / group] += cells[i] / group;
            }
        }
        snapshots.add(new Snapshot(m.time(), hist, alignedHist, rho, w1, aligned));
    }

    public List<Snapshot> snapshots() {
        return snapshots;
    }

    /** Density per bin of phases (mod 2π) on {@code bins} equal bins of [0, 2π). */
    public static double[] histogram(double[] phases, int bins) {
        double h = 2 * Math.PI / bins;
        double[] out = new double[bins];
        for (double p : phases) {
            int b = (int) (NodeDynamics.wrap(p) / h);
            out[Math.min(b, bins - 1)] += 1;
        }
        for (int b = 0; b < bins; b++) {
            out[b] /= phases.length * h;
        }
        return out;
    }
}
