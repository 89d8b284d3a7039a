package org.ensemble.coordinates;

/** What observers see at a report step: the mean loss, the weights w (id order) and the outputs X·w. */
public record CoordinateReport(long step, double loss, double[] weights, double[] outputs) {
}
