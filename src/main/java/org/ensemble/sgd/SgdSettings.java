package org.ensemble.sgd;

/**
 * How the workers and the server run, whatever the model: policy (with the SSP bound), M workers of
 * batch b, their compute times, the server's algorithm, step η, momentum μ, the DC-ASGD λ, how many
 * server versions, report spacing, the initial parameters and the local steps H of local SGD.
 */
public record SgdSettings(Policy policy, int workers, int bound, int batch, DelayModel delays, Algorithm algorithm,
                          double lr, double momentum, double dcLambda, long versions, long reportEvery,
                          double[] init, int localSteps) {
    public SgdSettings {
        if (workers < 1 || bound < 0 || batch < 1 || versions < 1 || reportEvery < 1 || localSteps < 1) {
            throw new IllegalArgumentException("workers, batch, versions, report spacing and local steps must be ≥ 1,"
                    + " bound ≥ 0");
        }
        if (algorithm == Algorithm.LOCAL_SGD && (policy != Policy.BSP || momentum != 0)) {
            throw new IllegalArgumentException("local SGD averages synchronously (BSP) and has no server momentum");
        }
    }

    /** Without local steps (every algorithm but local SGD). */
    public SgdSettings(Policy policy, int workers, int bound, int batch, DelayModel delays, Algorithm algorithm,
                       double lr, double momentum, double dcLambda, long versions, long reportEvery, double[] init) {
        this(policy, workers, bound, batch, delays, algorithm, lr, momentum, dcLambda, versions, reportEvery, init, 1);
    }

    /** Samples averaged per update: M·b under BSP, b otherwise. */
    public int samplesPerUpdate() {
        return policy == Policy.BSP ? workers * batch : batch;
    }

    public SgdSettings withLr(double newLr) {
        return new SgdSettings(policy, workers, bound, batch, delays, algorithm, newLr, momentum, dcLambda, versions,
                reportEvery, init, localSteps);
    }

    public SgdSettings withWorkers(int m) {
        return new SgdSettings(policy, m, bound, batch, delays, algorithm, lr, momentum, dcLambda, versions,
                reportEvery, init, localSteps);
    }

    public SgdSettings withVersions(long v, long every) {
        return new SgdSettings(policy, workers, bound, batch, delays, algorithm, lr, momentum, dcLambda, v, every,
                init, localSteps);
    }
}
