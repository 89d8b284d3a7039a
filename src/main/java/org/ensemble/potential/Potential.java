package org.ensemble.potential;

import java.util.Optional;

/**
 * A potential energy V on R^d. Implementations must be thread-safe for concurrent calls
 * (shards call them in parallel); they should not allocate in {@link #gradient}.
 *
 * <p>User potentials named in a scenario ({@code potential { type = class, class = "..." }})
 * implement this interface and have a public constructor taking {@link PotentialParams} (the
 * scenario's {@code potential.params}, with typed getters), or, as before, one taking a
 * {@code java.util.Map<String, Object>} of them, or a public no-argument constructor.
 */
public interface Potential {

    /** Dimension d of the configuration space. */
    int dimension();

    /** V(x); {@code x.length == dimension()}. */
    double energy(double[] x);

    /** Writes ∇V(x) into {@code out} ({@code out.length == dimension()}). */
    void gradient(double[] x, double[] out);

    /** A short human-readable name, used in logs and summaries. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The form a device kernel can evaluate, if this potential is one of the built-ins the
     * kernels know. Empty for user potentials, which then run on the java backend only.
     */
    default Optional<KernelPotential> kernelForm() {
        return Optional.empty();
    }
}
