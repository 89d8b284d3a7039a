package org.ensemble.step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One named array of a checkpoint: {@code rows × columns} values, row-major, either doubles or
 * longs (exactly one is non-null). Member state (positions, weights) has one row per member, so a
 * whole population's array is the shards' arrays stacked in shard order (= id order) and any shard
 * plan can take its rows back; reducer state is one row.
 */
public record StateArray(String name, int columns, double[] doubles, long[] longs) implements WireMessage {
    public StateArray {
        if (columns < 1 || (doubles == null) == (longs == null)) {
            throw new IllegalArgumentException("state array " + name + " needs columns ≥ 1 and exactly one of"
                    + " doubles, longs");
        }
        if (length(doubles, longs) % columns != 0) {
            throw new IllegalArgumentException("state array " + name + ": length " + length(doubles, longs)
                    + " is not a multiple of " + columns + " columns");
        }
    }

    public static StateArray of(String name, int columns, double[] values) {
        return new StateArray(name, columns, values, null);
    }

    public static StateArray of(String name, int columns, long[] values) {
        return new StateArray(name, columns, null, values);
    }

    private static int length(double[] d, long[] l) {
        return d != null ? d.length : l.length;
    }

    public int rows() {
        return length(doubles, longs) / columns;
    }

    /** Rows {@code from … from + count − 1}. */
    public StateArray rows(long from, int count) {
        if (from < 0 || from + count > rows()) {
            throw new IllegalArgumentException("state array " + name + " has " + rows() + " rows; asked for "
                    + count + " from " + from);
        }
        int lo = (int) (from * columns);
        int hi = lo + count * columns;
        return doubles != null ? of(name, columns, Arrays.copyOfRange(doubles, lo, hi))
                : of(name, columns, Arrays.copyOfRange(longs, lo, hi));
    }

    /** The named array of {@code arrays}; an error naming what is there if absent. */
    public static StateArray named(List<StateArray> arrays, String name) {
        for (StateArray a : arrays) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        List<String> names = new ArrayList<>();
        arrays.forEach(a -> names.add(a.name()));
        throw new IllegalArgumentException("checkpoint has no array '" + name + "' (it has " + names + ")");
    }
}
