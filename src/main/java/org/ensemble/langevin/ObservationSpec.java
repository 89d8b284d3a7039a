package org.ensemble.langevin;

import java.util.List;
import org.ensemble.dynamics.PairInteraction;

/**
 * What the statistics of a block contain: histogram bins and ranges per axis, the quantile
 * levels (read off a fine histogram of {@link #FINE_BINS} bins per axis, so their resolution is
 * range/{@value #FINE_BINS}), and the minima whose basins (nearest minimum) give occupancy.
 *
 * @param low     lower histogram edge per axis
 * @param high    upper histogram edge per axis
 * @param bins    bins per axis of the marginal histograms
 * @param jointBins bins per axis of the joint histogram of axes 0 and 1 (d ≥ 2)
 * @param collectPositions whether full reports carry the axis-0 positions of the measured
 *                  particles (for exact distances to a PDE solution; costs 8 bytes per particle)
 * @param pair      a pair interaction whose field the coordinator builds every phase: grid
 *                  deposits (GRID) or all positions (PAIRS); null otherwise
 */
public record ObservationSpec(int dimension, double[] low, double[] high, int bins, int jointBins,
                              double[] quantileLevels, List<double[]> minima, List<String> minimumNames,
                              List<String> targetNames, boolean absorbing, boolean collectPositions,
                              PairInteraction pair) {
    /** Without a pair interaction (none, or the mean pull). */
    public ObservationSpec(int dimension, double[] low, double[] high, int bins, int jointBins, double[] quantileLevels,
                           List<double[]> minima, List<String> minimumNames, List<String> targetNames,
                           boolean absorbing, boolean collectPositions) {
        this(dimension, low, high, bins, jointBins, quantileLevels, minima, minimumNames, targetNames, absorbing,
                collectPositions, null);
    }

    public static final int FINE_BINS = 4096;

    public ObservationSpec {
        if (low.length != dimension || high.length != dimension) {
            throw new IllegalArgumentException("histogram ranges must have one [low, high] per axis");
        }
        for (int c = 0; c < dimension; c++) {
            if (!(low[c] < high[c])) {
                throw new IllegalArgumentException("histogram range of axis " + c + " is empty");
            }
        }
        if (bins < 1 || jointBins < 1) {
            throw new IllegalArgumentException("bins must be ≥ 1");
        }
        if (minima.size() != minimumNames.size()) {
            throw new IllegalArgumentException("one name per minimum");
        }
        low = low.clone();
        high = high.clone();
        quantileLevels = quantileLevels.clone();
        minima = List.copyOf(minima);
        minimumNames = List.copyOf(minimumNames);
        targetNames = List.copyOf(targetNames);
    }

    /** Histogram bin of value v on axis c with {@code nb} bins; values outside fall into the end bins. */
    int bin(int c, double v, int nb) {
        double t = (v - low[c]) / (high[c] - low[c]) * nb;
        int b = (int) Math.floor(t);
        return b < 0 ? 0 : (b >= nb ? nb - 1 : b);
    }

    /** Index of the nearest minimum, or −1 when there are none. */
    int basin(double[] x) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < minima.size(); k++) {
            double[] m = minima.get(k);
            double d2 = 0;
            for (int c = 0; c < x.length; c++) {
                double d = x[c] - m[c];
                d2 += d * d;
            }
            if (d2 < bestD) {
                bestD = d2;
                best = k;
            }
        }
        return best;
    }
}
