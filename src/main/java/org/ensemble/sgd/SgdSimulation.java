package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The plain loop (no actors): the same server and worker numerics as the actor run, one round at a
 * time — the reference the actor run must match bit for bit, and the raw loop of the benchmark.
 */
public final class SgdSimulation {
    /** Updates per round at most (a round is one step order in the actor run). */
    public static final int MAX_ROUND = 256;

    private SgdSimulation() {
    }

    /** Runs to the last version or divergence; every report goes to {@code reports}; returns the server. */
    public static SgdServer run(SgdSettings s, SgdModel model, Consumer<SgdReport> reports) {
        SgdServer server = new SgdServer(s, model);
        WorkerGradients workers = WorkerGradients.of(model, s);
        while (!server.done()) {
            round(server, workers).forEach(reports);
        }
        return server;
    }

    /** One round: plans it, computes every job's sum on the version it pulled, applies it; the reports due. */
    static List<SgdReport> round(SgdServer server, WorkerGradients workers) {
        List<Update> round = server.plan(MAX_ROUND);
        List<List<double[][]>> sums = new ArrayList<>();
        for (Update u : round) {
            List<double[][]> us = new ArrayList<>();
            for (GradientJob j : u.jobs()) {
                us.add(workers.sum(j, server.parameters(j.pulled())));
            }
            sums.add(us);
        }
        return server.applyRound(round, sums);
    }
}
