package org.ensemble.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.ensemble.checkpoint.Checkpoint;
import org.ensemble.output.RunDirectory;
import org.ensemble.step.Engine;

/**
 * {@code ensemble run --cluster FILE}: joins the cluster as the coordinator's node, runs the scenario
 * with its shards on the shard nodes, and when a node is lost mid-run resumes the run from its last
 * checkpoint on the nodes that remain, exactly as {@code ensemble resume} would (the outputs are the
 * bytes of an uninterrupted run). {@code run.json} gains a {@code cluster} entry with the failovers.
 */
public final class ClusterRun {
    /** At most this many resumes after lost nodes, so a cluster that keeps failing ends the run. */
    static final int MAX_FAILOVERS = 3;

    private ClusterRun() {
    }

    /** One resume after a lost node: which node, and the step of the checkpoint the run went on from. */
    record Failover(String node, long fromStep) {
    }

    /**
     * Runs {@code first} (the ordinary run into {@code dir}) on the cluster of {@code clusterFile};
     * after a lost node, {@code resume} (the ordinary resume of {@code dir}). Returns the exit code.
     */
    public static int call(Path clusterFile, Path dir, IntSupplier first, IntSupplier resume) {
        ClusterFile f = ClusterFile.load(clusterFile);
        try (ClusterEngine engine = ClusterEngine.join(f, ClusterSystem.version())) {
            Engine.placeOn(engine);
            try {
                int code = first.getAsInt();
                List<Failover> failovers = new ArrayList<>();
                while (code != 0 && engine.lostNodes().size() > failovers.size() && failovers.size() < MAX_FAILOVERS
                        && (RunDirectory.hasCheckpoint(dir) || RunDirectory.keptCheckpoint(dir))) {
                    String node = engine.lostNodes().get(failovers.size());
                    long step = Checkpoint.find(dir).step();
                    System.out.println("  node " + node + " was lost: resuming from the checkpoint at step " + step
                            + " on the nodes that remain");
                    failovers.add(new Failover(node, step));
                    code = resume.getAsInt();
                }
                if (code == 0) {
                    record(dir.resolve("run.json"), f, failovers, engine.wire(), engine.runsPlaced());
                }
                noteIfNothingPlaced(engine);
                return code;
            } finally {
                Engine.placeOn(null);
            }
        }
    }

    /**
     * Runs {@code body} (a sweep: every point its own job) with this process's runs placed on the
     * cluster of {@code clusterFile}. A lost node fails the point it was running (no failover here).
     */
    public static int onCluster(Path clusterFile, IntSupplier body) {
        try (ClusterEngine engine = ClusterEngine.join(ClusterFile.load(clusterFile), ClusterSystem.version())) {
            Engine.placeOn(engine);
            try {
                int code = body.getAsInt();
                noteIfNothingPlaced(engine);
                return code;
            } finally {
                Engine.placeOn(null);
            }
        }
    }

    /**
     * A scenario that runs outside the step protocol's actors (execution = in-process, or a kind
     * without shards) ran whole in this JVM: say so rather than let {@code --cluster} look obeyed.
     */
    private static void noteIfNothingPlaced(ClusterEngine engine) {
        if (engine.runsPlaced() == 0) {
            System.err.println("note: nothing ran on the cluster's nodes: this scenario runs in this JVM (for kinds"
                    + " with an execution key, execution = engine runs it on the nodes)");
        }
    }

    /**
     * Adds {@code cluster: {seed_nodes, shard_nodes, runs_placed, failovers: [{node, resumed_from_step}], wire: {steps,
     * bytes, bytes_per_step, messages: {type: {count, bytes}}}}} to a run's run.json.
     */
    static void record(Path runJson, ClusterFile f, List<Failover> failovers, WireVolume volume, int runsPlaced) {
        if (!Files.isRegularFile(runJson)) {
            return; // a kind that writes no run.json (studies write theirs per point)
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            ObjectNode root = (ObjectNode) json.readTree(runJson.toFile());
            ObjectNode c = root.putObject("cluster");
            c.put("seed_nodes", String.join(",", f.seeds()));
            c.put("shard_nodes", f.shardNodes());
            c.put("runs_placed", runsPlaced);
            ArrayNode fo = c.putArray("failovers");
            for (Failover x : failovers) {
                fo.addObject().put("node", x.node()).put("resumed_from_step", x.fromStep());
            }
            ObjectNode w = c.putObject("wire");
            w.put("steps", volume.steps());
            w.put("bytes", volume.bytes());
            if (volume.steps() > 0) {
                w.put("bytes_per_step", volume.bytesPerStep());
            }
            ObjectNode types = w.putObject("messages");
            volume.counts().forEach((type, n) -> types.putObject(type).put("count", n.messages()).put("bytes",
                    n.bytes()));
            Path tmp = runJson.resolveSibling(".run.json.tmp");
            json.writeValue(tmp.toFile(), root);
            Files.move(tmp, runJson, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the cluster record to " + runJson + ": " + e.getMessage(), e);
        }
    }
}
