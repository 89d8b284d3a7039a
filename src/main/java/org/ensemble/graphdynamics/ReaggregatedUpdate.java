package org.ensemble.graphdynamics;

import org.ensemble.gnn.Aggregation;

/** A user rule with the aggregation the scenario chose ({@code update.aggregate}) instead of its own. */
public record ReaggregatedUpdate(NodeUpdate rule, Aggregation aggregation) implements NodeUpdate {
    @Override
    public double message(double xi, double xj) {
        return rule.message(xi, xj);
    }

    @Override
    public double drift(long node, double x, double coupled) {
        return rule.drift(node, x, coupled);
    }

    @Override
    public boolean periodic() {
        return rule.periodic();
    }

    @Override
    public String name() {
        return rule.name() + " (" + aggregation.key() + ")";
    }
}
