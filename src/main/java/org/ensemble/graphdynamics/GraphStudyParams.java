package org.ensemble.graphdynamics;

import java.util.List;

/**
 * A graph-dynamics study, resolved: for every graph and every coupling K one run of
 * {@code time / dt} steps (and, with {@code extrapolateDt}, one more at dt/2 for the Richardson
 * value 2 r(dt/2) − r(dt)); r is time-averaged over t ≥ {@code relax}. {@code pdeCoupling} > 0 runs
 * the Fokker–Planck equation on the circle beside the run at that K (identical frequencies) and
 * compares phase laws at {@code pdeTimes}. {@code samples} > 1 repeats each K with independent seeds
 * (frequencies, initial phases, noise) and takes the SE from their spread.
 */
public record GraphStudyParams(List<GraphSpec> graphs, NodeRule rule, double[] couplings, Normalisation normalisation,
                               double noise, double dt, double time, double relax, double omega, double gamma,
                               boolean uniformStart, double spread, String execution, boolean nodeActors,
                               int blockSize, int recordEvery, boolean extrapolateDt, double pdeCoupling,
                               int pdeCells, double[] pdeTimes, int samples) {
    /** Nodes of the (first) graph. */
    public int nodes() {
        return graphs.get(0).nodes();
    }

    public NodeDynamics dynamics(double coupling, double step, long seed) {
        return new NodeDynamics(rule, coupling, normalisation, noise, step, omega, gamma, spread, uniformStart, seed);
    }
}
