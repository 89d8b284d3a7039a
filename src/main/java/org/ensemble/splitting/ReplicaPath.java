package org.ensemble.splitting;

/**
 * One replica's trajectory from a start until it reached A or B, as the coordinator needs it: its
 * outcome, its last step, the particle-steps it cost, and its record-breaking points — the start and
 * every later point whose level ξ exceeds all before it (levels strictly increasing). The first point
 * above any level z is one of them, which is where a killed replica branches from.
 *
 * @param endStep the trajectory's step count since its run began (branched trajectories inherit the
 *                steps before their branch point)
 * @param states  record points' states, {@code levels.length × d}, row-major
 */
public record ReplicaPath(long member, long lineage, boolean reachedB, long endStep, long cost, double[] levels,
                          double[] states, long[] steps) {
    public double maxLevel() {
        return levels[levels.length - 1];
    }

    /** Index of the first record point strictly above {@code z}, or −1 if none. */
    public int firstAbove(double z) {
        int lo = 0;
        int hi = levels.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (levels[mid] > z) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < levels.length ? lo : -1;
    }
}
