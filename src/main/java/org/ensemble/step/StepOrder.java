package org.ensemble.step;

/**
 * What the coordinator broadcasts to every shard: advance steps {@code fromStep+1 … fromStep+steps}
 * (none when {@code steps = 0}) with the broadcast {@code field}, then answer with a partial;
 * {@code observe} asks for the full statistics an observer needs (a report) rather than only what
 * the next field needs. How a model reads the field is its own contract (the mean or a force table
 * for Langevin particles, the residual coefficients of a batch for neurons).
 */
public record StepOrder(long fromStep, int steps, double[] field, boolean observe) implements WireMessage {
    public StepOrder {
        if (fromStep < 0 || steps < 0) {
            throw new IllegalArgumentException("step order needs fromStep ≥ 0 and steps ≥ 0, got " + fromStep
                    + ", " + steps);
        }
    }

    public long toStep() {
        return fromStep + steps;
    }

    /** This order as checkpoint arrays ({@code order} = fromStep, steps, observe; {@code field} if any). */
    public java.util.List<StateArray> state() {
        java.util.List<StateArray> out = new java.util.ArrayList<>();
        out.add(StateArray.of("order", 3, new long[]{fromStep, steps, observe ? 1 : 0}));
        if (field != null) {
            out.add(StateArray.of("field", 1, field));
        }
        return out;
    }

    /** The order {@link #state()} wrote. */
    public static StepOrder fromState(java.util.List<StateArray> state) {
        long[] o = StateArray.named(state, "order").longs();
        double[] field = null;
        for (StateArray a : state) {
            if (a.name().equals("field")) {
                field = a.doubles();
            }
        }
        return new StepOrder(o[0], (int) o[1], field, o[2] != 0);
    }
}
