package org.ensemble.graphdynamics;

import org.ensemble.random.Streams;

/**
 * The update of one node, as plain data: the rule, coupling K and its normalisation, noise
 * intensity D (increments sqrt(2D·dt)·ξ, ξ the Philox normal keyed by (seed, node) with the step as
 * counter), the time step, the natural frequencies (ω₀, plus a Lorentzian of half-width γ when
 * γ > 0), the initial law (uniform on the circle / on c + [−1, 1), or wrapped normal N(c, σ²); c the
 * {@code initialCentre}, 0 for phases), and for {@link NodeRule#LANGEVIN} / {@link NodeRule#CLASS}
 * the {@link NodeUpdate} (null for the other rules).
 */
public record NodeDynamics(NodeRule rule, double coupling, Normalisation normalisation, double noise, double dt,
                           double omega, double gamma, double initialSpread, boolean uniformStart, long seed,
                           NodeUpdate update, double initialCentre)
        implements org.ensemble.step.WireMessage {
    /** Auxiliary Philox stream of the natural frequencies (beside {@link Streams#STREAM_INIT} for the initial states). */
    public static final int STREAM_FREQUENCY = 16;

    public NodeDynamics {
        if (!Double.isFinite(coupling) || !(noise >= 0) || !Double.isFinite(noise) || !(dt > 0) || !Double.isFinite(dt)
                || !Double.isFinite(omega) || !(gamma >= 0) || !Double.isFinite(gamma) || !(initialSpread >= 0)) {
            throw new IllegalArgumentException("node dynamics needs finite K, D ≥ 0, dt > 0, γ ≥ 0, σ ≥ 0; got K = "
                    + coupling + ", D = " + noise + ", dt = " + dt + ", γ = " + gamma + ", σ = " + initialSpread);
        }
        if (rule.usesUpdate() != (update != null)) {
            throw new IllegalArgumentException("rule " + rule.key() + (update == null ? " needs" : " takes no")
                    + " node update class");
        }
        if (!Double.isFinite(initialCentre)) {
            throw new IllegalArgumentException("initial centre must be finite, got " + initialCentre);
        }
    }

    /** The built-in Kuramoto and consensus rules (no update class, centred at 0). */
    public NodeDynamics(NodeRule rule, double coupling, Normalisation normalisation, double noise, double dt,
                        double omega, double gamma, double initialSpread, boolean uniformStart, long seed) {
        this(rule, coupling, normalisation, noise, dt, omega, gamma, initialSpread, uniformStart, seed, null, 0);
    }

    /** States are phases in [0, 2π): Kuramoto, or a periodic user rule. */
    public boolean periodic() {
        return rule == NodeRule.KURAMOTO || (update != null && update.periodic());
    }

    /** Natural frequency of node i: ω₀ + γ·tan(π(u − 1/2)), u uniform from (seed, i). */
    public double frequency(long i) {
        if (gamma == 0) {
            return omega;
        }
        double u = Streams.uniform(seed, i, STREAM_FREQUENCY, 0);
        return omega + gamma * Math.tan(Math.PI * (u - 0.5));
    }

    /** Initial state of node i. */
    public double initial(long i) {
        if (uniformStart) {
            double u = Streams.uniform(seed, i, Streams.STREAM_INIT, 0);
            return periodic() ? 2 * Math.PI * u : initialCentre + 2 * u - 1;
        }
        double x = initialSpread == 0 ? 0 : initialSpread * Streams.auxNormal(seed, i, Streams.STREAM_INIT, 1);
        return periodic() ? wrap(initialCentre + x) : initialCentre + x;
    }

    /** The noise increment's scale sqrt(2D·dt). */
    public double noiseScale() {
        return Math.sqrt(2 * noise * dt);
    }

    /** θ mod 2π in [0, 2π). */
    public static double wrap(double theta) {
        double t = theta - 2 * Math.PI * Math.floor(theta / (2 * Math.PI));
        return t >= 2 * Math.PI ? 0 : t;
    }
}
