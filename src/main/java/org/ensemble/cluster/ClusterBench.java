package org.ensemble.cluster;

import java.nio.file.Path;
import java.util.function.DoubleSupplier;
import org.ensemble.step.Engine;

/**
 * {@code ensemble bench … --cluster FILE}: the same workload timed in this JVM and on the cluster's
 * shard nodes, interleaved (so drifts in machine load hit both alike), in one invocation, with the
 * bytes the cluster runs put on the wire.
 */
public final class ClusterBench {
    private ClusterBench() {
    }

    /** The rates of each timed run, in this JVM and on the cluster, and what the cluster runs sent. */
    public record Comparison(int shardNodes, double[] oneJvm, double[] cluster, WireVolume wire) {
    }

    /**
     * Joins the cluster of {@code clusterFile}, runs {@code timedRun} (one run of the workload through
     * the step protocol, returning its rate) once each way as a warm-up, then {@code repeats} times each
     * way, interleaved; {@code unit} labels the progress lines.
     */
    public static Comparison compare(Path clusterFile, int repeats, String unit, DoubleSupplier timedRun) {
        ClusterFile f = ClusterFile.load(clusterFile);
        try (ClusterEngine engine = ClusterEngine.join(f, ClusterSystem.version())) {
            double[] local = new double[repeats];
            double[] cluster = new double[repeats];
            try {
                System.err.println("warm-up (one JVM, then the cluster) ...");
                Engine.placeOn(null);
                timedRun.getAsDouble();
                Engine.placeOn(engine);
                timedRun.getAsDouble();
                for (int i = 0; i < repeats; i++) {
                    Engine.placeOn(null);
                    local[i] = timedRun.getAsDouble();
                    Engine.placeOn(engine);
                    cluster[i] = timedRun.getAsDouble();
                    System.err.printf("run %d/%d: one JVM %.3g, cluster %.3g %s%n", i + 1, repeats, local[i],
                            cluster[i], unit);
                }
            } finally {
                Engine.placeOn(null);
            }
            return new Comparison(f.shardNodes(), local, cluster, engine.wire());
        }
    }
}
