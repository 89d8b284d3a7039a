package org.ensemble.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ensemble.output.RunDirectory;
import org.ensemble.step.ResumePoint;
import org.ensemble.step.StateArray;

/**
 * A checkpoint read back, whole, from a run directory: its identity, the step it was taken at, the
 * resume point (reducer state and every member's arrays) and the observed records it covers.
 *
 * @param runDirectory where it was found: the committed run directory (a run stopped by a signal or
 *                     a failure) or its hidden staging sibling {@code .DIR.partial} (a killed run)
 */
public record Checkpoint(Path runDirectory, CheckpointIdentity identity, long step, double time, ResumePoint point,
                         long observedRecords, long observedBytes, Path observedFile) {

    /** The checkpoint of the run that writes or wrote to {@code target}; a one-line error if there is none. */
    public static Checkpoint find(Path target) {
        return load(locate(target));
    }

    /** The directory holding {@code target}'s checkpoint (it or its staging sibling), without reading it. */
    public static Path locate(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path staging = RunDirectory.stagingOf(abs);
        for (Path dir : List.of(staging, abs)) {
            if (RunDirectory.hasCheckpoint(dir)) {
                return dir;
            }
        }
        if (Files.isRegularFile(abs.resolve("summary.json"))) {
            throw new CheckpointException(target + " holds a finished run with no checkpoint: nothing to resume"
                    + " (a run keeps its checkpoint only when it was interrupted, killed or failed)");
        }
        throw new CheckpointException(target + ": no checkpoint there (expected " + target + "/"
                + CheckpointWriter.DIRECTORY + "/" + CheckpointWriter.MANIFEST + ", or the staging directory of a"
                + " killed run, " + staging.getFileName() + ")");
    }

    /** Reads the checkpoint in {@code runDirectory}/checkpoint. */
    public static Checkpoint load(Path runDirectory) {
        Path dir = runDirectory.resolve(CheckpointWriter.DIRECTORY);
        Path manifest = dir.resolve(CheckpointWriter.MANIFEST);
        try {
            JsonNode m = ObservedLog.MAPPER.readTree(manifest.toFile());
            if (!CheckpointWriter.FORMAT.equals(m.path("format").asText())
                    || m.path("format_version").asInt(-1) != CheckpointWriter.FORMAT_VERSION) {
                throw new CheckpointException(manifest + ": not an " + CheckpointWriter.FORMAT + " version "
                        + CheckpointWriter.FORMAT_VERSION + " manifest");
            }
            CheckpointIdentity id = new CheckpointIdentity(text(m, "kind", manifest), text(m, "scenario", manifest),
                    text(m, "scenario_sha256", manifest), text(m, "backend", manifest), m.path("members").asLong(),
                    text(m, "ensemble_version", manifest));
            long step = m.path("step").asLong();
            List<StateArray> members = arrays(dir, m.path("members_arrays"));
            List<StateArray> reducer = arrays(dir, m.path("reducer_arrays"));
            for (StateArray a : members) {
                if (a.rows() != id.members()) {
                    throw new CheckpointException(manifest + ": array " + a.name() + " has " + a.rows() + " rows, the"
                            + " run has " + id.members() + " members");
                }
            }
            JsonNode obs = m.path("observed");
            Path log = dir.resolve(obs.path("file").asText(CheckpointWriter.LOG));
            long records = obs.path("records").asLong();
            long bytes = obs.path("bytes").asLong();
            if (!Files.isRegularFile(log) || Files.size(log) < bytes) {
                throw new CheckpointException(log + ": missing or shorter than the " + bytes + " bytes the checkpoint"
                        + " covers");
            }
            return new Checkpoint(runDirectory, id, step, m.path("time").asDouble(), new ResumePoint(step, reducer,
                    members), records, bytes, log);
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint in " + dir + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode m, String key, Path manifest) {
        JsonNode v = m.get(key);
        if (v == null || !v.isTextual()) {
            throw new CheckpointException(manifest + ": key " + key + ": missing (expected a string)");
        }
        return v.asText();
    }

    private static List<StateArray> arrays(Path dir, JsonNode list) throws IOException {
        List<StateArray> out = new ArrayList<>();
        for (JsonNode a : list) {
            out.add(Npy.read(dir.resolve(a.path("file").asText()), a.path("name").asText()));
        }
        return out;
    }

    /** Refuses this checkpoint unless it was written by a run of {@code expected}. */
    public void requireMatches(CheckpointIdentity expected) {
        expected.requireSame(identity, runDirectory.resolve(CheckpointWriter.DIRECTORY).toString());
    }

    /** The observed records the checkpoint covers, in order, decoded as {@code type}. */
    public <T> List<T> observed(Class<T> type) {
        try {
            return ObservedLog.read(observedFile, observedRecords, type);
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint's observed log: " + e.getMessage());
        }
    }

    /** The resolved scenario the run wrote beside its outputs. */
    public Path scenarioFile() {
        return runDirectory.resolve("scenario.conf");
    }
}
