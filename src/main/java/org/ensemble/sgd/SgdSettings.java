package org.ensemble.sgd;

/**
 * How the workers and the server run, whatever the model: policy (with the SSP bound), M workers of
 * batch b, their compute times, the server's algorithm, step η, momentum μ, the DC-ASGD λ, how many
 * server versions, report spacing, the initial parameters, the local steps H of local SGD and EASGD, and
 * EASGD's elasticity α, and how many shards the parameter server splits the coordinates into (key ranges;
 * the same bits for any number).
 */
public record SgdSettings(Policy policy, int workers, int bound, int batch, DelayModel delays, Algorithm algorithm,
                          double lr, double momentum, double dcLambda, long versions, long reportEvery,
                          double[] init, int localSteps, double elasticity, int serverShards) {
    public SgdSettings {
        if (serverShards < 1 || serverShards > init.length) {
            throw new IllegalArgumentException("server shards must be in [1, " + init.length + "] (one coordinate at"
                    + " least each), got " + serverShards);
        }
        if (workers < 1 || bound < 0 || batch < 1 || versions < 1 || reportEvery < 1 || localSteps < 1) {
            throw new IllegalArgumentException("workers, batch, versions, report spacing and local steps must be ≥ 1,"
                    + " bound ≥ 0");
        }
        if ((algorithm == Algorithm.LOCAL_SGD || algorithm == Algorithm.EASGD) && (policy != Policy.BSP
                || momentum != 0)) {
            throw new IllegalArgumentException("local SGD and EASGD average synchronously (BSP), without server"
                    + " momentum");
        }
        if (algorithm == Algorithm.EASGD && !(elasticity > 0 && elasticity <= 1)) {
            throw new IllegalArgumentException("EASGD needs an elasticity α in (0, 1], got " + elasticity);
        }
    }

    /** One server shard. */
    public SgdSettings(Policy policy, int workers, int bound, int batch, DelayModel delays, Algorithm algorithm,
                       double lr, double momentum, double dcLambda, long versions, long reportEvery, double[] init,
                       int localSteps, double elasticity) {
        this(policy, workers, bound, batch, delays, algorithm, lr, momentum, dcLambda, versions, reportEvery, init,
                localSteps, elasticity, 1);
    }

    /** Without local steps (every algorithm but local SGD). */
    public SgdSettings(Policy policy, int workers, int bound, int batch, DelayModel delays, Algorithm algorithm,
                       double lr, double momentum, double dcLambda, long versions, long reportEvery, double[] init) {
        this(policy, workers, bound, batch, delays, algorithm, lr, momentum, dcLambda, versions, reportEvery, init, 1,
                0);
    }

    /** Samples averaged per update: M·b under BSP, b otherwise. */
    public int samplesPerUpdate() {
        return policy == Policy.BSP ? workers * batch : batch;
    }

    public SgdSettings withLr(double newLr) {
        return new SgdSettings(policy, workers, bound, batch, delays, algorithm, newLr, momentum, dcLambda, versions,
                reportEvery, init, localSteps, elasticity, serverShards);
    }

    public SgdSettings withWorkers(int m) {
        return new SgdSettings(policy, m, bound, batch, delays, algorithm, lr, momentum, dcLambda, versions,
                reportEvery, init, localSteps, elasticity, serverShards);
    }

    public SgdSettings withVersions(long v, long every) {
        return new SgdSettings(policy, workers, bound, batch, delays, algorithm, lr, momentum, dcLambda, v, every,
                init, localSteps, elasticity, serverShards);
    }

    /** The same run with the server's coordinates split into {@code k} key ranges. */
    public SgdSettings withServerShards(int k) {
        return new SgdSettings(policy, workers, bound, batch, delays, algorithm, lr, momentum, dcLambda, versions,
                reportEvery, init, localSteps, elasticity, k);
    }
}
