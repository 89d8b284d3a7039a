package org.ensemble.splitting;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a replica's next trajectory begins: its member slot, a fresh lineage id (which keys its
 * noise), the step it starts at and the state there. Carried in a step order's field as
 * {@code [member, lineage, step, x_1 … x_d]} per start.
 */
public record ReplicaStart(long member, long lineage, long step, double[] x) {
    static double[] encode(List<ReplicaStart> starts, int d) {
        double[] f = new double[starts.size() * (3 + d)];
        int o = 0;
        for (ReplicaStart s : starts) {
            f[o++] = s.member;
            f[o++] = s.lineage; // below 2^53: exact as a double
            f[o++] = s.step;
            System.arraycopy(s.x, 0, f, o, d);
            o += d;
        }
        return f;
    }

    static List<ReplicaStart> decode(double[] f, int d) {
        List<ReplicaStart> out = new ArrayList<>();
        for (int o = 0; o < f.length; o += 3 + d) {
            double[] x = new double[d];
            System.arraycopy(f, o + 3, x, 0, d);
            out.add(new ReplicaStart((long) f[o], (long) f[o + 1], (long) f[o + 2], x));
        }
        return out;
    }
}
