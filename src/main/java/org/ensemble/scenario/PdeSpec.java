package org.ensemble.scenario;

/** {@code pde { cells, range = [low, high], dt }}: the 1-D PDE solved beside the particles. */
public record PdeSpec(int cells, double low, double high, double dt) {
}
