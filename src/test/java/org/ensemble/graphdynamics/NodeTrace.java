package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.Observer;

/** Everything a run shows, for byte comparisons: every measure's numbers and the states at the steps it asks for. */
final class NodeTrace implements Observer<NodeMeasure> {
    final List<double[]> rows = new ArrayList<>();
    private final long[] needs;

    /** @param needs the steps (ascending) at which the states are wanted */
    NodeTrace(long... needs) {
        this.needs = needs.clone();
    }

    @Override
    public void observe(NodeMeasure m) {
        rows.add(new double[] {m.step(), m.r(), m.psi(), m.mean(), m.variance()});
        if (m.states() != null) {
            rows.add(m.states().clone());
        }
    }

    @Override
    public long nextNeed(long step) {
        for (long n : needs) {
            if (n >= step) {
                return n;
            }
        }
        return NEVER;
    }
}
