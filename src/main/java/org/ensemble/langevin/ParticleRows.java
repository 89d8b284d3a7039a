package org.ensemble.langevin;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.population.ParticleSlab;
import org.ensemble.step.StateArray;

/**
 * A slab's particles as checkpoint rows, one per particle in id order: {@code positions} (n × d,
 * particle-major, unlike the slab's coordinate-major layout, so the file reads as a table),
 * {@code velocities} when underdamped, {@code hit_step} (0: no target entered yet) and
 * {@code hit_target} (−1: none). Nothing else is needed: noise is counter-based, and the active list
 * is the particles not yet absorbed.
 */
final class ParticleRows {
    private ParticleRows() {
    }

    static List<StateArray> of(ParticleSlab slab) {
        int n = slab.size();
        int d = slab.dimension();
        List<StateArray> out = new ArrayList<>();
        out.add(StateArray.of("positions", d, transpose(slab.positions(), n, d)));
        if (slab.hasVelocities()) {
            out.add(StateArray.of("velocities", d, transpose(slab.velocities(), n, d)));
        }
        out.add(StateArray.of("hit_step", 1, slab.hitSteps().clone()));
        long[] target = new long[n];
        for (int i = 0; i < n; i++) {
            target[i] = slab.hitTargets()[i];
        }
        out.add(StateArray.of("hit_target", 1, target));
        return out;
    }

    static void restore(ParticleSlab slab, List<StateArray> rows, boolean absorbing) {
        int n = slab.size();
        int d = slab.dimension();
        untranspose(check(StateArray.named(rows, "positions"), n, d).doubles(), slab.positions(), n, d);
        if (slab.hasVelocities()) {
            untranspose(check(StateArray.named(rows, "velocities"), n, d).doubles(), slab.velocities(), n, d);
        }
        long[] hit = check(StateArray.named(rows, "hit_step"), n, 1).longs();
        long[] target = check(StateArray.named(rows, "hit_target"), n, 1).longs();
        for (int i = 0; i < n; i++) {
            slab.hitSteps()[i] = hit[i];
            slab.hitTargets()[i] = (int) target[i];
        }
        if (absorbing) {
            slab.retireAbsorbed();
        }
    }

    private static StateArray check(StateArray a, int n, int columns) {
        if (a.rows() != n || a.columns() != columns) {
            throw new IllegalArgumentException("checkpoint array " + a.name() + " is " + a.rows() + " × " + a.columns()
                    + ", expected " + n + " × " + columns);
        }
        return a;
    }

    private static double[] transpose(double[] coordMajor, int n, int d) {
        double[] r = new double[n * d];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < n; i++) {
                r[i * d + c] = coordMajor[c * n + i];
            }
        }
        return r;
    }

    private static void untranspose(double[] rows, double[] coordMajor, int n, int d) {
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < n; i++) {
                coordMajor[c * n + i] = rows[i * d + c];
            }
        }
    }
}
