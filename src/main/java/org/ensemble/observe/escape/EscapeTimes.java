package org.ensemble.observe.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Append-only collector of escape events, turned into an {@link EscapeSample} at the end of a run.
 *
 * <p>Events may arrive in any order (shards report whenever they finish); every output is sorted by
 * (step, id), so samples and event lists are identical however the work was split. Each particle
 * escapes at most once; a second event for the same id is an error, reported when a sample is
 * made (checking on every append would need a boxed set of all ids).
 *
 * <p>Not thread-safe: the coordinator feeds it from one thread, in merge order.
 */
public final class EscapeTimes {
    private static final Comparator<Escape> ORDER =
            Comparator.comparingLong(Escape::step).thenComparingLong(Escape::id);

    private final double dt;
    private final List<Escape> events = new ArrayList<>();

    /** @param dt the time step: an escape at step s happened at time s·dt */
    public EscapeTimes(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
        this.dt = dt;
    }

    public double dt() {
        return dt;
    }

    /** Records that particle {@code id} entered {@code target} at {@code step}. */
    public void add(long id, long step, String target) {
        events.add(new Escape(id, step, target));
    }

    public void add(Escape e) {
        events.add(e);
    }

    public int size() {
        return events.size();
    }

    /** The events so far, sorted by (step, id); an unmodifiable copy. */
    public List<Escape> events() {
        Escape[] a = events.toArray(new Escape[0]);
        Arrays.sort(a, ORDER);
        return List.of(a);
    }

    /**
     * First passage into any target: the escaped particles' times step·dt in (step, id) order,
     * followed by {@code censored} particles censored at finalStep·dt.
     *
     * @param censored  particles that had not escaped when the run stopped
     * @param finalStep the step at which the run stopped
     */
    public EscapeSample finish(long censored, long finalStep) {
        List<Escape> sorted = checked(censored, finalStep);
        double[] t = new double[sorted.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = sorted.get(i).step() * dt;
        }
        return EscapeSample.of(t, censored, finalStep * dt);
    }

    /**
     * First passage into {@code target} alone (cause-specific, competing risks): an escape into
     * another target ends that particle's observation, so it is censored at its escape time.
     */
    public EscapeSample finishFor(String target, long censored, long finalStep) {
        if (target == null) {
            throw new IllegalArgumentException("target name must not be null");
        }
        List<Escape> sorted = checked(censored, finalStep);
        int n = Math.toIntExact(sorted.size() + censored);
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        for (int i = 0; i < sorted.size(); i++) {
            Escape x = sorted.get(i);
            t[i] = x.step() * dt;
            e[i] = x.target().equals(target);
        }
        Arrays.fill(t, sorted.size(), n, finalStep * dt);
        return new EscapeSample(t, e);
    }

    private List<Escape> checked(long censored, long finalStep) {
        if (censored < 0) {
            throw new IllegalArgumentException("censored count must be ≥ 0, got " + censored);
        }
        if (finalStep < 0) {
            throw new IllegalArgumentException("final step must be ≥ 0, got " + finalStep);
        }
        List<Escape> sorted = events();
        if (!sorted.isEmpty() && sorted.get(sorted.size() - 1).step() > finalStep) {
            Escape late = sorted.get(sorted.size() - 1);
            throw new IllegalArgumentException("particle " + late.id() + " escaped at step " + late.step()
                    + ", after the final step " + finalStep);
        }
        long[] ids = new long[sorted.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = sorted.get(i).id();
        }
        Arrays.sort(ids);
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("particle " + ids[i] + " escaped more than once");
            }
        }
        return sorted;
    }
}
