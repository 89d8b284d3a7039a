package org.ensemble.langevin;

/** Particle {@code id} first entered target {@code target} at step {@code step}. */
public record EscapeEvent(long id, long step, int target) {
}
