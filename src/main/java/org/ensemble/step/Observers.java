package org.ensemble.step;

import java.util.List;

/**
 * Several observers as one, in order: each measure goes to each in list order, the need is the
 * earliest of theirs. The one composite every kind uses (no hand-written forwarding).
 */
public final class Observers<M> implements Observer<M> {
    private final List<Observer<? super M>> all;

    private Observers(List<Observer<? super M>> all) {
        this.all = List.copyOf(all);
    }

    @SafeVarargs
    public static <M> Observer<M> of(Observer<? super M>... observers) {
        return new Observers<M>(List.<Observer<? super M>>of(observers));
    }

    public static <M> Observer<M> of(List<Observer<? super M>> observers) {
        return new Observers<>(observers);
    }

    @Override
    public void init() {
        all.forEach(Observer::init);
    }

    @Override
    public void observe(M measure) {
        for (Observer<? super M> o : all) {
            o.observe(measure);
        }
    }

    @Override
    public long nextNeed(long step) {
        long need = NEVER;
        for (Observer<? super M> o : all) {
            need = Math.min(need, o.nextNeed(step));
        }
        return need;
    }

    @Override
    public void finish() {
        all.forEach(Observer::finish);
    }
}
