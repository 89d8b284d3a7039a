package org.ensemble.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.bench.MeanFieldSgdWorkload;
import org.ensemble.network.Activation;
import org.junit.jupiter.api.Test;

/** The benchmark's two modes (actors, raw threads) train the same network, for any thread count. */
class MeanFieldSgdWorkloadTest {
    private static MeanFieldSgdWorkload workload(int threads) {
        return new MeanFieldSgdWorkload(2000, 40, 2000, 0.005, 0.5, Activation.of(Activation.Kind.RAMP), 1, threads);
    }

    @Test
    void actorsAndRawAgreeExactly() throws InterruptedException {
        MeanFieldSgdWorkload.Result actors = workload(2).viaActors();
        MeanFieldSgdWorkload.Result raw = workload(2).raw();
        assertEquals(Double.doubleToRawLongBits(raw.meanWNorm()), Double.doubleToRawLongBits(actors.meanWNorm()),
                raw.meanWNorm() + " vs " + actors.meanWNorm());
        assertEquals(Double.doubleToRawLongBits(raw.lateTrainRisk()),
                Double.doubleToRawLongBits(actors.lateTrainRisk()), raw.lateTrainRisk() + " vs " + actors.lateTrainRisk());
        // It learns (risk ≈ 0.55 at the start), so the comparison is of a run that did something.
        assertTrue(actors.lateTrainRisk() < 0.2, "late risk " + actors.lateTrainRisk());
        assertTrue(actors.meanWNorm() > 1.2, "mean |w| " + actors.meanWNorm());
        // Both time the loop only (first merge to the end): the markers were found, set-up is apart.
        for (MeanFieldSgdWorkload.Result r : new MeanFieldSgdWorkload.Result[]{actors, raw}) {
            assertTrue(r.seconds() > 0 && r.setupSeconds() >= 0, r.seconds() + " s, set-up " + r.setupSeconds() + " s");
        }
    }

    @Test
    void rawIsTheSameForOneAndThreeThreads() throws InterruptedException {
        double two = workload(2).raw().meanWNorm();
        assertEquals(Double.doubleToRawLongBits(two), Double.doubleToRawLongBits(workload(1).raw().meanWNorm()));
        assertEquals(Double.doubleToRawLongBits(two), Double.doubleToRawLongBits(workload(3).raw().meanWNorm()));
    }
}
