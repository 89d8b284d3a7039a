package org.ensemble.scenario;

import java.util.Map;
import org.ensemble.data.BlockParityData;
import org.ensemble.data.DataSource;
import org.ensemble.data.LinearPeriodicData;

/**
 * The {@code data} keys of the gradient-failure targets (issue 17), read for {@link TrainingScenarioLoader}:
 * {@code linear-periodic} ({@code dimension}, {@code norm} = ‖w*‖, {@code direction-seed}) and
 * {@code block-parity} ({@code blocks} k, {@code block-dimension} m, {@code block} = −1 for the parity of all
 * blocks or j for block j's sub-label, {@code teacher-seed}).
 */
final class FailureDataSections {
    private FailureDataSections() {
    }

    static DataSource data(Section s, String kind, long seed, Map<String, Object> out) {
        if (kind.equals("linear-periodic")) {
            int d = (int) s.integer("dimension", 0, true, 1, 1_000_000);
            double norm = s.number("norm", 0, true);
            if (!(norm >= 0) || Double.isInfinite(norm)) {
                throw s.error("norm", "expected a non-negative finite number (‖w*‖), got " + norm);
            }
            long directionSeed = s.integer("direction-seed", 1, false, 0, Long.MAX_VALUE);
            out.put("dimension", d);
            out.put("norm", norm);
            out.put("direction-seed", directionSeed);
            return new LinearPeriodicData(d, norm, directionSeed, seed);
        }
        int k = (int) s.integer("blocks", 0, true, 1, 10_000);
        int m = (int) s.integer("block-dimension", 0, true, 1, 1_000_000);
        int block = (int) s.integer("block", -1, false, -1, k - 1);
        long teacherSeed = s.integer("teacher-seed", 1, false, 0, Long.MAX_VALUE);
        out.put("blocks", k);
        out.put("block-dimension", m);
        out.put("block", block);
        out.put("teacher-seed", teacherSeed);
        return new BlockParityData(k, m, block, teacherSeed, seed);
    }
}
