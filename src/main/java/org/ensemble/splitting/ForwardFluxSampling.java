package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.random.Streams;

/**
 * Forward flux sampling (Allen–Warren–ten Wolde 2005) on fixed interfaces λ₀ = ξ(start) < λ₁ < … <
 * λ_m = b, for comparison with AMS on the same problem: at stage i, {@code trials} trajectories
 * each start from a configuration at λ_i drawn uniformly (Philox keyed by (seed, run) with counter
 * stage·2^24 + trial) and run until ξ ≥ λ_{i+1} or A; the successes' end points are stage i+1's
 * configurations. p̂ = ∏ P̂_i, unbiased for a fixed number of trials per stage. Same chain as the
 * AMS replicas (update, noise keyed by a fresh lineage per trial, bridge check of A). Plain Java,
 * one run after another (independent runs give the error bar).
 */
public final class ForwardFluxSampling {
    /** Lineages of FFS trials: disjoint from AMS replicas (below 2^52) and the flux run (2^60 + …). */
    static final long ID_BASE = 1L << 61;
    static final int STREAM_PICK = 1021;

    private ForwardFluxSampling() {
    }

    /**
     * {@code spec.runsPerBeta()} FFS runs at each β of {@code spec} (replicas, kill and pools unused),
     * with {@code trials} trajectories per stage and interfaces λ₁ … λ_m (the last must be b).
     */
    public static List<AmsRunResult> run(AmsSpec spec, double[] interfaces, int trials) {
        return run(spec, interfaces, trials, List.of(), StepBarrier.none()).orElseThrow();
    }

    /**
     * As above, continuing after the runs {@code done} (the first ones, in order) and asking
     * {@code barrier} after each run (a step) with the runs so far; empty when it stopped the runs.
     * Runs are independent (their noise is keyed by the run), so a resumed list is the same bits.
     */
    public static java.util.Optional<List<AmsRunResult>> run(AmsSpec spec, double[] interfaces, int trials,
                                                             List<AmsRunResult> done,
                                                             StepBarrier<List<AmsRunResult>> barrier) {
        if (interfaces.length == 0 || interfaces[interfaces.length - 1] != spec.b()) {
            throw new IllegalArgumentException("the last FFS interface must be b = " + spec.b());
        }
        double previous = spec.start()[spec.axis()];
        for (double l : interfaces) {
            if (!(l > previous)) {
                throw new IllegalArgumentException("FFS interfaces must increase from ξ(start) = "
                        + spec.start()[spec.axis()] + " to b, got " + java.util.Arrays.toString(interfaces));
            }
            previous = l;
        }
        if (trials < 1 || trials >= 1 << 24) {
            throw new IllegalArgumentException("FFS needs 1 ≤ trials < 2^24, got " + trials);
        }
        ReplicaSimulator[] stages = new ReplicaSimulator[interfaces.length];
        for (int i = 0; i < stages.length; i++) {
            stages[i] = new ReplicaSimulator(spec, interfaces[i]);
        }
        int d = spec.dimension();
        List<AmsRunResult> out = new ArrayList<>(done);
        for (int run = done.size(); run < spec.runs(); run++) {
            double beta = spec.betaOfRun(run);
            List<double[]> configs = List.of(spec.start());
            List<Long> configSteps = List.of(0L);
            double logP = 0;
            long cost = 0;
            double reactive = Double.NaN;
            int stage = 0;
            for (; stage < stages.length && !configs.isEmpty(); stage++) {
                List<double[]> next = new ArrayList<>();
                List<Long> nextSteps = new ArrayList<>();
                double reactiveSum = 0;
                for (int t = 0; t < trials; t++) {
                    long counter = ((long) stage << 24) + t;
                    int pick = (int) (Streams.uniform(spec.seed(), run, STREAM_PICK, counter) * configs.size());
                    long lineage = ID_BASE + ((long) run << 40) + counter;
                    ReplicaPath p = stages[stage].simulate(t, lineage, beta, configSteps.get(pick), configs.get(pick));
                    cost += p.cost();
                    if (p.reachedB()) {
                        int last = p.levels().length - 1;
                        next.add(java.util.Arrays.copyOfRange(p.states(), last * d, (last + 1) * d));
                        nextSteps.add(p.endStep());
                        reactiveSum += p.endStep() * spec.dt();
                    }
                }
                logP += Math.log((double) next.size() / trials);
                if (stage == stages.length - 1 && !next.isEmpty()) {
                    reactive = reactiveSum / next.size();
                }
                configs = next;
                configSteps = nextSteps;
            }
            boolean extinct = configs.isEmpty();
            // FFS runs no plain trajectory from the start to A or B, so it cannot price direct simulation.
            out.add(new AmsRunResult(run, beta, extinct ? 0 : Math.exp(logP), stage, cost, Double.NaN, reactive,
                    extinct));
            if (barrier.stopAfter(out.size(), () -> List.copyOf(out))) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(out);
    }
}
