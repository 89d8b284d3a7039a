package org.ensemble.checkpoint;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import org.ensemble.output.RunDirectory;
import org.ensemble.step.CheckpointSink;
import org.ensemble.step.StateArray;

/**
 * Writes a run's checkpoints into {@code checkpoint/} of its run directory (format in
 * docs/ARCHITECTURE.md): the arrays of step k into {@code step-k/} ({@code .npy}, forced to disk),
 * the observed log synced, then {@code manifest.json} written to a temporary file and renamed over
 * the previous one. The rename is the commit: a kill at any earlier moment leaves the previous
 * manifest, its step directory and its prefix of the append-only log intact. Older step
 * directories are removed after the rename.
 */
public final class CheckpointWriter implements CheckpointSink, AutoCloseable {
    public static final String DIRECTORY = RunDirectory.CHECKPOINT;
    static final String MANIFEST = RunDirectory.CHECKPOINT_MANIFEST;
    static final String LOG = "observed.jsonl";
    static final String FORMAT = "ensemble-checkpoint";
    static final int FORMAT_VERSION = 1;
    /** Tests only: milliseconds to wait between the arrays and the manifest (to kill a run mid-write). */
    private static final long TEST_PAUSE_MS = Long.getLong("ensemble.checkpoint.test-pause-ms", 0);

    private final Path dir;
    private final CheckpointIdentity identity;
    private final long everySteps;
    private final LongToDoubleFunction time;
    private final ObservedLog log;
    private long lastStep;
    private long written;

    private CheckpointWriter(Path dir, CheckpointIdentity identity, long everySteps, LongToDoubleFunction time,
                             ObservedLog log, long lastStep) {
        this.dir = dir;
        this.identity = identity;
        this.everySteps = everySteps;
        this.time = time;
        this.log = log;
        this.lastStep = lastStep;
    }

    /**
     * Checkpoints of a new run in {@code runDir} every {@code everySteps} steps (0: only when
     * stopped); {@code time} maps a step to the time shown in the manifest.
     */
    public static CheckpointWriter start(Path runDir, CheckpointIdentity identity, long everySteps,
                                         LongToDoubleFunction time) {
        Path dir = createDirectory(runDir.resolve(DIRECTORY));
        return new CheckpointWriter(dir, identity, everySteps, time, ObservedLog.create(dir.resolve(LOG)), 0);
    }

    /** Checkpoints of a run resumed from {@code from}, whose directory is now {@code runDir}. */
    public static CheckpointWriter continuing(Path runDir, CheckpointIdentity identity, long everySteps,
                                              LongToDoubleFunction time, Checkpoint from) {
        Path dir = createDirectory(runDir.resolve(DIRECTORY));
        return new CheckpointWriter(dir, identity, everySteps, time, ObservedLog.continuing(dir.resolve(LOG),
                from.observedRecords(), from.observedBytes()), from.step());
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Where observers' inputs are recorded. */
    public ObservedLog log() {
        return log;
    }

    /** Checkpoints written by this run so far. */
    public long written() {
        return written;
    }

    @Override
    public boolean due(long step) {
        return everySteps > 0 && step - lastStep >= everySteps;
    }

    @Override
    public void write(long step, List<StateArray> reducer, List<List<StateArray>> shards) {
        String name = String.format("step-%012d", step);
        Path stepDir = dir.resolve(name);
        try {
            RunDirectory.deleteRecursively(stepDir);
            Files.createDirectories(stepDir.resolve("members"));
            Files.createDirectories(stepDir.resolve("reducer"));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("format_version", FORMAT_VERSION);
            manifest.put("ensemble_version", identity.version());
            manifest.put("kind", identity.kind());
            manifest.put("scenario", identity.scenario());
            manifest.put("scenario_sha256", identity.scenarioSha256());
            manifest.put("backend", identity.backend());
            manifest.put("members", identity.members());
            manifest.put("step", step);
            manifest.put("time", time.applyAsDouble(step));
            manifest.put("members_arrays", arrays(stepDir, name, "members", shards));
            manifest.put("reducer_arrays", arrays(stepDir, name, "reducer", List.of(reducer)));
            long[] covered = log.sync();
            manifest.put("observed", Map.of("file", LOG, "records", covered[0], "bytes", covered[1]));
            pauseForTests();
            Path tmp = dir.resolve(MANIFEST + ".tmp");
            ObservedLog.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), manifest);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING);
            }
            removeOtherSteps(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint to " + dir + ": " + e.getMessage(), e);
        }
        lastStep = step;
        written++;
    }

    /** Each array of {@code pieces.get(0)}, its rows stacked over the pieces (shards) in order. */
    private static List<Object> arrays(Path stepDir, String stepName, String group, List<List<StateArray>> pieces)
            throws IOException {
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < pieces.get(0).size(); k++) {
            List<StateArray> parts = new ArrayList<>();
            long rows = 0;
            for (List<StateArray> p : pieces) {
                parts.add(p.get(k));
                rows += p.get(k).rows();
            }
            StateArray a = parts.get(0);
            String file = a.name() + ".npy";
            Npy.write(stepDir.resolve(group).resolve(file), parts);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("file", stepName + "/" + group + "/" + file);
            m.put("dtype", a.doubles() != null ? "<f8" : "<i8");
            m.put("shape", a.columns() == 1 ? List.of(rows) : List.of(rows, a.columns()));
            out.add(m);
        }
        return out;
    }

    private void removeOtherSteps(String keep) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith("step-") && !n.equals(keep)) {
                    RunDirectory.deleteRecursively(p);
                }
            }
        }
    }

    private static void pauseForTests() {
        if (TEST_PAUSE_MS > 0) {
            try {
                Thread.sleep(TEST_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes the checkpoints (a completed run has nothing to resume). */
    public void discard() {
        close();
        try {
            RunDirectory.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
