package org.ensemble.sgd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ensemble.data.IsotropicGaussians;
import org.ensemble.network.Activation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parameter server's cost per version on the bench's two-layer network (16 tanh neurons on
 * R^40: 656 parameters), without the workers: rounding one coordinate's exact sum (the double-only
 * rounding against the BigDecimal one it replaced; same bits, ExactSumTest), and one BSP version of
 * M = 16 workers' sums (batch 8) applied by 1 or K server shards. Scores: ns per coordinate, µs per
 * version.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ServerBenchmarks {
    static final int WORKERS = 16;
    static final int BATCH = 8;

    /** A server on the network model and one version's worth of the workers' sums. */
    @State(Scope.Thread)
    public static class Server {
        @Param({"1", "4"})
        public int serverShards;

        SgdServer server;
        List<List<double[][]>> sums;

        @Setup
        public void setUp() {
            SgdModel model = new NetworkModel(new IsotropicGaussians(40, 0.5, 1), 16,
                    Activation.of(Activation.Kind.TANH), 0);
            SgdSettings settings = new SgdSettings(Policy.BSP, WORKERS, 0, BATCH, DelayModel.fixed(), Algorithm.SGD,
                    1e-9, 0, 0, Long.MAX_VALUE / 8, Long.MAX_VALUE / 8, NetworkModel.initial(16, 40, 1))
                    .withServerShards(serverShards);
            server = new SgdServer(settings, model);
            sums = List.of(workerSums(model, settings, server.parameters()));
        }
    }

    /** The 656 coordinates' exact sums of one version, to be rounded. */
    @State(Scope.Thread)
    public static class Sums {
        @Param({"double", "bigdecimal"})
        public String rounding;

        ExactSum[] coordinates;

        @Setup
        public void setUp() {
            Server s = new Server();
            s.serverShards = 1;
            s.setUp();
            List<double[][]> jobs = s.sums.get(0);
            coordinates = new ExactSum[jobs.get(0).length];
            for (int c = 0; c < coordinates.length; c++) {
                coordinates[c] = new ExactSum();
                for (double[][] g : jobs) {
                    coordinates[c].addAll(g[c]);
                }
            }
        }
    }

    static List<double[][]> workerSums(SgdModel model, SgdSettings settings, double[] x) {
        WorkerGradients workers = WorkerGradients.of(model, settings);
        List<double[][]> jobs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            jobs.add(workers.sum(new GradientJob(w, 0, 0), x));
        }
        return jobs;
    }

    /** Rounding each coordinate's exact sum once (the 656 coordinates of a version). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(656)
    public double roundCoordinate(Sums st) {
        double s = 0;
        boolean fast = st.rounding.equals("double");
        for (ExactSum e : st.coordinates) {
            s += fast ? e.value() : e.roundedExactly();
        }
        return s;
    }

    /** One BSP version: the 16 workers' sums (a step of η = 1e-9, so the parameters barely move) applied. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long serverVersion(Server st) {
        st.server.applyRound(st.server.plan(1), st.sums);
        return st.server.version();
    }
}
