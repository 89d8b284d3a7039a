package org.ensemble.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.Engine;
import org.ensemble.step.ModelRecipe;
import org.ensemble.step.Reducer;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;

/**
 * The coordinator's node: this JVM joins the cluster (role {@code coordinator}, no shards of its own)
 * and runs every step-protocol run of the process there ({@link Engine#placeOn}): the coordinator and
 * reducer here, the shards on the shard nodes. Remembers which nodes were lost during a run, for the
 * failover and for {@code run.json}.
 */
public final class ClusterEngine implements Engine.Placement, AutoCloseable {
    private final ClusterFile file;
    private final ActorSystem<SpawnProtocol.Command> system;
    private final String version;
    private final AtomicInteger runs = new AtomicInteger();
    private final List<String> lost = java.util.Collections.synchronizedList(new ArrayList<>());
    private final WireVolume wire = new WireVolume();
    private final AtomicInteger liveShards = new AtomicInteger();
    private volatile String refusal;
    /** The engine this process's runs are placed on now, for the run's own meters ({@link ClusterMeters}). */
    private static volatile ClusterEngine active;

    private ClusterEngine(ClusterFile file, ActorSystem<SpawnProtocol.Command> system, String version) {
        this.file = file;
        this.system = system;
        this.version = version;
    }

    /** Joins the cluster of {@code file} as the coordinator's node (bounded by its join timeout). */
    public static ClusterEngine join(ClusterFile file, String version) {
        ClusterEngine e = new ClusterEngine(file, ClusterSystem.start(SpawnProtocol.create(), file.asCoordinator()),
                version);
        active = e;
        return e;
    }

    /** The engine joined now (between {@link #join} and {@link #close}), or null. */
    static ClusterEngine active() {
        return active;
    }

    @Override
    public StepOutcome run(ModelRecipe recipe, List<ShardRange> ranges, Reducer reducer, BooleanSupplier stopRequested,
                           CheckpointSink checkpoints, ResumePoint resume) {
        CompletableFuture<StepOutcome> done = new CompletableFuture<>();
        WireFormat.hash(recipe); // a recipe that cannot be sent is refused here, before any node is asked
        if (checkpoints.enabled() || resume != null) {
            requireFrameHolds(recipe, ranges);
        }
        String runId = "run-" + runs.incrementAndGet();
        int hosts = Math.max(1, file.shardNodes() - lost.size()); // a resumed run goes on with the nodes that remain
        refusal = null;
        RunSupervisor.Job job = new RunSupervisor.Job(runId, version, recipe, ranges, reducer, stopRequested,
                checkpoints, resume, hosts, file.joinTimeout(), done, lost::add, r -> refusal = r, wire, liveShards);
        system.tell(new SpawnProtocol.Spawn<>(RunSupervisor.create(job), runId, Props.empty(), system.ignoreRef()));
        system.getWhenTerminated().thenRun(() -> done.complete(new StepOutcome(StepStatus.FAILED, reducer.step(),
                "this node left the cluster before the run ended", 0)));
        StepOutcome o;
        try {
            o = done.get(); // the run's own length: every wait inside it is bounded or watched
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StepOutcome(StepStatus.INTERRUPTED, reducer.step(), "interrupted", 0);
        } catch (ExecutionException e) {
            return new StepOutcome(StepStatus.FAILED, reducer.step(), String.valueOf(e.getCause()), 0);
        } finally {
            liveShards.set(0);
        }
        wire.addSteps(Math.max(0, o.steps() - (resume != null ? resume.step() : 0)));
        if (refusal != null) {
            throw new IllegalArgumentException(file.file() + ": " + refusal);
        }
        return o;
    }

    /**
     * A checkpoint or a resume sends each shard's rows as one message, and Artery drops a message over
     * its frame (the run would then wait for it): measure the smallest shard's rows here, scale to the
     * largest, and refuse a run that would not fit.
     */
    private void requireFrameHolds(ModelRecipe recipe, List<ShardRange> ranges) {
        ShardRange small = ranges.get(0);
        ShardRange large = ranges.get(0);
        for (ShardRange r : ranges) {
            small = r.size() < small.size() ? r : small;
            large = r.size() > large.size() ? r : large;
        }
        long bytes;
        try (org.ensemble.step.ShardModel m = recipe.build(small)) {
            bytes = org.apache.pekko.serialization.SerializationExtension.get(system)
                    .serialize(new org.ensemble.step.StepCoordinator.SnapshotReady(small.index(), m.snapshot())).get()
                    .length;
        } catch (UnsupportedOperationException e) {
            return; // a kind without checkpoints sends no rows
        }
        long estimate = (long) Math.ceil((double) bytes * large.size() / small.size()) + 4096;
        if (estimate > file.frameBytes()) {
            throw new IllegalArgumentException(file.file() + ": cluster.maximum-frame-size: a checkpoint of shard "
                    + large.index() + " (" + large.size() + " members) is one message of about " + estimate
                    + " bytes, over the frame of " + file.frameBytes() + " bytes; use more shards or raise"
                    + " maximum-frame-size");
        }
    }

    /** The nodes lost so far ({@code host:port}), in the order they were noticed. */
    public List<String> lostNodes() {
        synchronized (lost) {
            return List.copyOf(lost);
        }
    }

    /** How many members are Up now (this node included). */
    public int membersUp() {
        return membersUp(null);
    }

    /** How many members with role {@value ClusterFile#SHARDS} are Up now: the nodes that can host shards. */
    public int shardNodesUp() {
        return membersUp(ClusterFile.SHARDS);
    }

    private int membersUp(String role) {
        int n = 0;
        for (org.apache.pekko.cluster.Member m : org.apache.pekko.cluster.typed.Cluster.get(system).state()
                .getMembers()) {
            if (m.status() == org.apache.pekko.cluster.MemberStatus.up() && (role == null || m.hasRole(role))) {
                n++;
            }
        }
        return n;
    }

    /** How many shard actors of the run in progress are placed on nodes and not lost (0 between runs). */
    public int liveShards() {
        return liveShards.get();
    }

    /** The messages of every run on this engine so far, counted at their serialized size. */
    /** How many step-protocol runs this process has placed on the nodes since it joined. */
    public int runsPlaced() {
        return runs.get();
    }

    public WireVolume wire() {
        return wire;
    }

    public Duration joinTimeout() {
        return file.joinTimeout();
    }

    @Override
    public void close() {
        if (active == this) {
            active = null;
        }
        ClusterSystem.stop(system);
    }
}
