package org.ensemble.kernel;

import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.potential.Potential;
import org.ensemble.dynamics.PairInteraction;

/**
 * Everything a stepper needs besides the particles: the dynamics, the potential, the optional
 * pull θ toward the broadcast mean (θ = 0 and {@code interacting = false}: independent
 * particles), the escape targets and whether they absorb.
 */
public record LangevinSetup(LangevinDynamics dynamics, Potential potential, boolean interacting, double theta,
                            EscapeTargets targets, boolean absorbing, long seed,
                            PairInteraction pair) {
    public LangevinSetup(LangevinDynamics dynamics, Potential potential, boolean interacting, double theta,
                         EscapeTargets targets, boolean absorbing, long seed) {
        this(dynamics, potential, interacting, theta, targets, absorbing, seed, null);
    }

    public LangevinSetup {
        if (pair != null && (potential.dimension() != pair.dimension() || !interacting)) {
            throw new IllegalArgumentException("a pair interaction needs interacting dynamics of its own dimension ("
                    + pair.dimension() + "), got " + potential.dimension());
        }
        if (targets.count() > 0 && potential.dimension() != dimensionOf(targets)) {
            throw new IllegalArgumentException("targets and potential differ in dimension");
        }
    }

    private static int dimensionOf(EscapeTargets t) {
        return t.dimension();
    }

    public int dimension() {
        return potential.dimension();
    }

    /** Whether the device kernel can run this setup (built-in potential, d ≤ 3). */
    public boolean kernelCapable() {
        return potential.kernelForm().isPresent() && pair == null;
    }
}
