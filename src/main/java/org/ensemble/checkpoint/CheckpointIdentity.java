package org.ensemble.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ensemble.output.EnsembleVersion;

/**
 * What a checkpoint must match to be resumed: the population kind, the resolved scenario (its
 * SHA-256, without the {@code shards} line, since results do not depend on the shard plan), the
 * backend that ran (bytes are identical per backend), the number of members and Ensemble's version.
 */
public record CheckpointIdentity(String kind, String scenario, String scenarioSha256, String backend, long members,
                                 String version) {

    public static CheckpointIdentity of(String kind, String scenario, String resolvedText, String backend,
                                        long members) {
        return new CheckpointIdentity(kind, scenario, sha256(withoutShards(resolvedText)), backend, members,
                EnsembleVersion.get());
    }

    static String withoutShards(String resolved) {
        return resolved.replaceAll("(?m)^\\s*\"?shards\"?\\s*[=:].*\\R", "");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses a checkpoint written by a run that is not this one, saying what differs. */
    void requireSame(CheckpointIdentity other, String where) {
        if (!kind.equals(other.kind)) {
            throw new CheckpointException(where + ": the checkpoint is of a " + other.kind + " run, this scenario is "
                    + kind);
        }
        if (!version.equals(other.version)) {
            throw new CheckpointException(where + ": the checkpoint was written by Ensemble " + other.version
                    + ", this is " + version + "; resume it with that version");
        }
        if (!scenarioSha256.equals(other.scenarioSha256)) {
            throw new CheckpointException(where + ": the checkpoint is from a different scenario (" + other.scenario
                    + ", resolved SHA-256 " + other.scenarioSha256.substring(0, 12) + "…, this one "
                    + scenarioSha256.substring(0, 12) + "…); resume with `ensemble resume DIR`, which reads the run's"
                    + " own scenario.conf");
        }
        if (!backend.equals(other.backend)) {
            throw new CheckpointException(where + ": the checkpoint was written with backend " + other.backend
                    + ", this run would use " + backend + " (results are identical per backend only); set backend = "
                    + other.backend);
        }
        if (members != other.members) {
            throw new CheckpointException(where + ": the checkpoint has " + other.members + " members, the scenario "
                    + members);
        }
    }
}
