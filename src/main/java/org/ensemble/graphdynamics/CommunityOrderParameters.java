package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.Observer;

/**
 * Per-community order parameters over time: for communities on consecutive ids (a block model's
 * blocks), every {@code every} steps r_c = |(1/N_c) Σ_{j∈c} e^{i x_j}| (phases), or the community's
 * magnetisation |m_c| = |(1/N_c) Σ_{j∈c} x_j| (non-periodic states), summed in id order from the
 * gathered states — the same bytes for any shard plan.
 */
public final class CommunityOrderParameters implements Observer<NodeMeasure> {
    private final int[] starts;
    private final int every;
    private final boolean magnetisation;
    private final List<double[]> rows = new ArrayList<>();

    /** @param starts where each community starts, then the node count (see {@link GraphSpec#communityStarts}) */
    public CommunityOrderParameters(int[] starts, int every, boolean magnetisation) {
        if (starts.length < 2 || every < 1) {
            throw new IllegalArgumentException("need at least one community and every ≥ 1");
        }
        this.starts = starts.clone();
        this.every = every;
        this.magnetisation = magnetisation;
    }

    public int communities() {
        return starts.length - 1;
    }

    @Override
    public long nextNeed(long step) {
        return (step + every - 1) / every * every;
    }

    @Override
    public void observe(NodeMeasure m) {
        if (m.states() == null) {
            return;
        }
        double[] x = m.states();
        double[] row = new double[2 + communities()];
        row[0] = m.step();
        row[1] = m.time();
        for (int c = 0; c < communities(); c++) {
            double re = 0;
            double im = 0;
            for (int j = starts[c]; j < starts[c + 1]; j++) {
                if (magnetisation) {
                    re += x[j];
                } else {
                    re += Math.cos(x[j]);
                    im += Math.sin(x[j]);
                }
            }
            row[2 + c] = Math.hypot(re, im) / (starts[c + 1] - starts[c]);
        }
        rows.add(row);
    }

    /** Rows (step, t, value of community 0, 1, …) in step order. */
    public List<double[]> rows() {
        return rows;
    }

    /** Community c's values over time. */
    public double[] column(int c) {
        return rows.stream().mapToDouble(r -> r[2 + c]).toArray();
    }
}
