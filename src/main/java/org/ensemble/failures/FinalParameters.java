package org.ensemble.failures;

import java.util.List;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.StateArray;

/**
 * Fetches a neuron run's final parameters through the step protocol's own snapshot round trip: the
 * coordinator asks a checkpoint sink at every barrier, and the barrier after the last step (before the final
 * report) is the one this sink wants, so the shards hand over their w, a, b rows in shard (= id) order. Taking
 * it changes no number (a checkpoint is an extra round trip between two phases). A stop request writes nothing.
 */
final class FinalParameters implements CheckpointSink {
    private final long lastStep;
    private final int d;
    private double[] w;
    private double[] a;
    private double[] b;

    FinalParameters(long lastStep, int d) {
        this.lastStep = lastStep;
        this.d = d;
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public boolean due(long step) {
        return step == lastStep && w == null;
    }

    @Override
    public void write(long step, List<StateArray> reducer, List<List<StateArray>> shards) {
        w = stack(shards, "w", d);
        a = stack(shards, "a", 1);
        b = stack(shards, "b", 1);
    }

    private static double[] stack(List<List<StateArray>> shards, String name, int columns) {
        int n = 0;
        for (List<StateArray> s : shards) {
            n += StateArray.named(s, name).doubles().length;
        }
        double[] out = new double[n];
        int o = 0;
        for (List<StateArray> s : shards) {
            StateArray arr = StateArray.named(s, name);
            if (arr.columns() != columns) {
                throw new IllegalStateException(name + " has " + arr.columns() + " columns, expected " + columns);
            }
            System.arraycopy(arr.doubles(), 0, out, o, arr.doubles().length);
            o += arr.doubles().length;
        }
        return out;
    }

    boolean taken() {
        return w != null;
    }

    double[] w() {
        return w;
    }

    double[] a() {
        return a;
    }

    double[] b() {
        return b;
    }
}
