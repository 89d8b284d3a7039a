package org.ensemble.splitting;

import java.util.List;
import org.ensemble.step.Partial;

/** A shard's answer to an AMS order: the trajectories it ran, in member order. */
public record ReplicaPaths(List<ReplicaPath> paths) implements Partial {
}
