package org.ensemble.metrics;

import org.ensemble.graphdynamics.NodeMeasure;
import org.ensemble.step.Observer;

/**
 * Feeds {@link RunMetrics} from graph dynamics: steps and node-steps as the progress meters, the
 * order parameter r and ψ, the state mean and the consensus error (variance) as
 * {@code ensemble_graph_value{quantity}}, and the edge messages sent as
 * {@code ensemble_graph_edge_messages_total} (its rate is edge-messages/s).
 */
public final class GraphMetricsListener implements Observer<NodeMeasure> {
    private final RunMetrics metrics;
    private final long nodes;
    private final long edges;
    private final java.util.function.LongConsumer messages;
    private long lastStep;

    public GraphMetricsListener(RunMetrics metrics, long nodes, long edges, long plannedSteps) {
        this.metrics = metrics;
        this.nodes = nodes;
        this.edges = edges;
        this.messages = metrics.counter("ensemble.graph.edge.messages", "Messages sent along edges (one per directed"
                + " edge and step)");
        metrics.plannedSteps(plannedSteps);
        metrics.activeParticles(nodes);
    }

    @Override
    public void observe(NodeMeasure m) {
        metrics.stepsCompleted(m.step(), m.time(), m.step() * nodes);
        if (m.step() > lastStep) {
            messages.accept((m.step() - lastStep) * edges);
            lastStep = m.step();
        }
        value("r", m.r());
        value("psi", m.psi());
        value("mean", m.mean());
        value("consensus_error", m.variance());
    }

    private void value(String quantity, double v) {
        if (Double.isFinite(v)) {
            metrics.gauge("ensemble.graph.value", "Order parameter, mean phase, state mean and consensus error of a"
                    + " graph-dynamics run", "quantity", quantity).accept(v);
        }
    }
}
