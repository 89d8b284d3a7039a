package org.ensemble.sgd;

/**
 * How the workers and the server run, whatever the model: policy (with the SSP bound), M workers of
 * batch b, their compute times, the server's algorithm, step η, momentum μ, the DC-ASGD λ, how many
 * server versions, report spacing and the initial parameters.
 */
public record SgdSettings(Policy policy, int workers, int bound, int batch, DelayModel delays, Algorithm algorithm,
                          double lr, double momentum, double dcLambda, long versions, long reportEvery,
                          double[] init) {
    public SgdSettings {
        if (workers < 1 || bound < 0 || batch < 1 || versions < 1 || reportEvery < 1) {
            throw new IllegalArgumentException("workers, batch, versions and report spacing must be ≥ 1, bound ≥ 0");
        }
    }

    /** Samples averaged per update: M·b under BSP, b otherwise. */
    public int samplesPerUpdate() {
        return policy == Policy.BSP ? workers * batch : batch;
    }

    public SgdSettings withLr(double newLr) {
        return new SgdSettings(policy, workers, bound, batch, delays, algorithm, newLr, momentum, dcLambda, versions,
                reportEvery, init);
    }

    public SgdSettings withWorkers(int m) {
        return new SgdSettings(policy, m, bound, batch, delays, algorithm, lr, momentum, dcLambda, versions,
                reportEvery, init);
    }

    public SgdSettings withVersions(long v, long every) {
        return new SgdSettings(policy, workers, bound, batch, delays, algorithm, lr, momentum, dcLambda, v, every,
                init);
    }
}
