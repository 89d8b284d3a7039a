package org.ensemble.scenario;

import java.util.Map;

/**
 * The {@code checkpoint} block every kind of scenario shares: {@code every} (simulated time for
 * Langevin particles, t = steps·ε for training) between checkpoints. Without it a run writes a
 * checkpoint only when stopped by SIGINT/SIGTERM. Returns 0 for none.
 */
final class CheckpointSection {
    private CheckpointSection() {
    }

    static double parse(Section root, Map<String, Object> resolved) {
        if (!root.has("checkpoint")) {
            return 0;
        }
        Section c = root.section("checkpoint");
        double every = c.positive("every", 0, true);
        c.rejectUnknown();
        resolved.put("checkpoint", Map.of("every", every));
        return every;
    }
}
