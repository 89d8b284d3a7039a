package org.ensemble.training;

import org.ensemble.data.DataSource;
import org.ensemble.network.Batch;
import org.ensemble.network.NeuronSlab;
import org.ensemble.network.NeuronStepper;

/**
 * What one shard (or one neuron's actor) computes, without actors: it draws each step's batch
 * itself (a pure function of the data seed and the step), keeps its neurons and the held-out
 * inputs, and returns per-block output sums for the coordinator to merge in block order.
 */
public final class NeuronShardWorker {
    private final NeuronStepper stepper;
    private final DataSource data;
    private final long steps;
    private final Batch current;
    private final Batch next;
    private final double[] testX;
    private final int testSamples;
    private final int outLength;

    public NeuronShardWorker(NeuronSlab slab, TrainingSpec spec, int blockSize) {
        this.stepper = new NeuronStepper(slab, blockSize, spec.network(), spec.rule(), spec.seed());
        this.data = spec.data();
        this.steps = spec.steps();
        int d = spec.network().inputDim();
        this.current = new Batch(spec.rule().batch(), d);
        this.next = new Batch(spec.rule().batch(), d);
        this.testSamples = spec.testSamples();
        this.testX = TestSet.inputs(spec.data(), testSamples);
        this.outLength = stepper.blocks() * spec.rule().batch();
    }

    public int blocks() {
        return stepper.blocks();
    }

    public long firstId() {
        return stepper.slab().firstId();
    }

    public int size() {
        return stepper.slab().size();
    }

    /** The forward pass of step 0's batch: per-block sums, block b's sample j at b·B + j. */
    public double[] start() {
        double[] out = new double[outLength];
        stepper.forward(current.draw(data, 0), out);
        return out;
    }

    /**
     * After restoring the neurons' parameters at the barrier of step {@code k}: redoes the forward
     * pass of step k's batch, which the next update reads (σ, σ' and the inputs). The fused and the
     * plain forward pass give the same bits (NeuronStepperTest), so this cache equals the one the
     * uninterrupted run had.
     */
    public void resumeAt(long k) {
        if (k < steps) {
            stepper.forward(current.draw(data, k), new double[outLength]);
        }
    }

    /**
     * Applies step {@code k}'s update (coefficients per sample) and returns the forward sums of
     * step k+1's batch, or an empty array after the last step.
     */
    public double[] step(long k, double[] coef) {
        if (k + 1 >= steps) {
            stepper.updateThenForward(k, coef, null, null);
            return new double[0];
        }
        double[] out = new double[outLength];
        stepper.updateThenForward(k, coef, next.draw(data, k + 1), out);
        return out;
    }

    /** Per-block output sums on the held-out inputs (block b's sample j at b·m + j). */
    public double[] evaluateTest() {
        double[] out = new double[stepper.blocks() * testSamples];
        if (testSamples > 0) {
            stepper.evaluate(testX, testSamples, out);
        }
        return out;
    }

    public NeuronSlab slab() {
        return stepper.slab();
    }
}
