package org.ensemble.graphdynamics;

import java.util.List;
import org.ensemble.kernel.Backend;

/**
 * A graph-dynamics study, resolved: for every graph and every coupling K one run of
 * {@code time / dt} steps (and, with {@code extrapolateDt}, one more at dt/2 for the Richardson
 * value 2 r(dt/2) − r(dt)); r is time-averaged over t ≥ {@code relax}. {@code pdeCoupling} > 0 runs
 * the Fokker–Planck equation on the circle beside the run at that K (identical frequencies) and
 * compares phase laws at {@code pdeTimes}. {@code samples} > 1 repeats each K with independent seeds
 * (frequencies, initial phases, noise) and takes the SE from their spread. {@code update}: the
 * {@link NodeUpdate} of the Langevin and user rules (else null); {@code initialCentre}: where the
 * initial law is centred for non-periodic states (a symmetric-broken Langevin start); {@code backend}:
 * where the built-in rules' {@link NodeKernel} runs.
 */
public record GraphStudyParams(List<GraphSpec> graphs, NodeRule rule, double[] couplings, Normalisation normalisation,
                               double noise, double dt, double time, double relax, double omega, double gamma,
                               boolean uniformStart, double spread, String execution, boolean nodeActors,
                               int blockSize, int recordEvery, boolean extrapolateDt, double pdeCoupling,
                               int pdeCells, double[] pdeTimes, int samples, NodeUpdate update,
                               double initialCentre, Backend backend) {
    /** On the java backend. */
    public GraphStudyParams(List<GraphSpec> graphs, NodeRule rule, double[] couplings, Normalisation normalisation,
                            double noise, double dt, double time, double relax, double omega, double gamma,
                            boolean uniformStart, double spread, String execution, boolean nodeActors,
                            int blockSize, int recordEvery, boolean extrapolateDt, double pdeCoupling,
                            int pdeCells, double[] pdeTimes, int samples, NodeUpdate update, double initialCentre) {
        this(graphs, rule, couplings, normalisation, noise, dt, time, relax, omega, gamma, uniformStart, spread,
                execution, nodeActors, blockSize, recordEvery, extrapolateDt, pdeCoupling, pdeCells, pdeTimes, samples,
                update, initialCentre, Backend.JAVA);
    }

    /** The study without an update class, centred at 0 (Kuramoto, consensus). */
    public GraphStudyParams(List<GraphSpec> graphs, NodeRule rule, double[] couplings, Normalisation normalisation,
                            double noise, double dt, double time, double relax, double omega, double gamma,
                            boolean uniformStart, double spread, String execution, boolean nodeActors,
                            int blockSize, int recordEvery, boolean extrapolateDt, double pdeCoupling,
                            int pdeCells, double[] pdeTimes, int samples) {
        this(graphs, rule, couplings, normalisation, noise, dt, time, relax, omega, gamma, uniformStart, spread,
                execution, nodeActors, blockSize, recordEvery, extrapolateDt, pdeCoupling, pdeCells, pdeTimes, samples,
                null, 0, Backend.JAVA);
    }

    /** Whether the time-averaged quantity is the magnetisation |m| = |mean| (non-periodic update rules) rather than r. */
    public boolean magnetisation() {
        return rule.usesUpdate() && !update.periodic();
    }

    /** The column of {@link OrderParameterSeries#rows()} that is time-averaged: r, or |mean|. */
    public int observedColumn() {
        return magnetisation() ? OrderParameterSeries.ABS_MEAN : 2;
    }

    /** The averaged quantity's name in tables and charts. */
    public String observable() {
        return magnetisation() ? "|m|" : "r";
    }

    /** Nodes of the (first) graph. */
    public int nodes() {
        return graphs.get(0).nodes();
    }

    public NodeDynamics dynamics(double coupling, double step, long seed) {
        return new NodeDynamics(rule, coupling, normalisation, noise, step, omega, gamma, spread, uniformStart, seed,
                update, initialCentre);
    }
}
