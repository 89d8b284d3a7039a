package org.ensemble.observe.escape;

/**
 * Particle {@code id} first entered the target named {@code target} at step {@code step}
 * (time step·dt).
 */
public record Escape(long id, long step, String target) {
    public Escape {
        if (id < 0) {
            throw new IllegalArgumentException("particle id must be ≥ 0, got " + id);
        }
        if (step < 0) {
            throw new IllegalArgumentException("escape step of particle " + id + " must be ≥ 0, got " + step);
        }
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("escape of particle " + id + " needs a target name");
        }
    }
}
