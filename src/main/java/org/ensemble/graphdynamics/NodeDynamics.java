package org.ensemble.graphdynamics;

import org.ensemble.random.Streams;

/**
 * The update of one node, as plain data: the rule, coupling K and its normalisation, noise
 * intensity D (increments sqrt(2D·dt)·ξ, ξ the Philox normal keyed by (seed, node) with the step as
 * counter), the time step, the natural frequencies (ω₀, plus a Lorentzian of half-width γ when
 * γ > 0) and the initial law (uniform on the circle / on [−1, 1), or wrapped normal N(0, σ²)).
 */
public record NodeDynamics(NodeRule rule, double coupling, Normalisation normalisation, double noise, double dt,
                           double omega, double gamma, double initialSpread, boolean uniformStart, long seed)
        implements org.ensemble.step.WireMessage {
    /** Auxiliary Philox stream of the natural frequencies (beside {@link Streams#STREAM_INIT} for the initial states). */
    public static final int STREAM_FREQUENCY = 16;

    public NodeDynamics {
        if (!Double.isFinite(coupling) || !(noise >= 0) || !Double.isFinite(noise) || !(dt > 0) || !Double.isFinite(dt)
                || !Double.isFinite(omega) || !(gamma >= 0) || !Double.isFinite(gamma) || !(initialSpread >= 0)) {
            throw new IllegalArgumentException("node dynamics needs finite K, D ≥ 0, dt > 0, γ ≥ 0, σ ≥ 0; got K = "
                    + coupling + ", D = " + noise + ", dt = " + dt + ", γ = " + gamma + ", σ = " + initialSpread);
        }
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
            return rule == NodeRule.KURAMOTO ? 2 * Math.PI * u : 2 * u - 1;
        }
        double x = initialSpread == 0 ? 0 : initialSpread * Streams.auxNormal(seed, i, Streams.STREAM_INIT, 1);
        return rule == NodeRule.KURAMOTO ? wrap(x) : x;
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
