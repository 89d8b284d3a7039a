package org.ensemble.step;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run continues from: the step of the checkpoint's barrier, the reducer's state (which holds
 * the order it was about to broadcast) and the whole population's member arrays, from which each
 * shard takes its own rows, whatever the shard plan.
 */
public record ResumePoint(long step, List<StateArray> reducer, List<StateArray> members) {
    public ResumePoint {
        reducer = List.copyOf(reducer);
        members = List.copyOf(members);
    }

    /** The rows of {@code range}'s members. */
    public List<StateArray> rowsOf(ShardRange range) {
        List<StateArray> out = new ArrayList<>(members.size());
        for (StateArray a : members) {
            out.add(a.rows(range.firstId(), range.size()));
        }
        return out;
    }
}
