package org.ensemble.meanfield;

import java.util.Arrays;

/**
 * Sliced W2 in 2-D between particles and a gridded density: the root mean square over
 * {@code directions} evenly spaced directions of the 1-D W2 between the projections, each computed
 * exactly between the empirical measure and the cells' masses placed at their centres (an O(h)
 * approximation of the density).
 */
public final class SlicedWasserstein {
    private SlicedWasserstein() {
    }

    /** {@code xy}: particle-major positions [x0, y0, x1, y1, …]. */
    public static double w2(double[] xy, FokkerPlanck2D pde, int directions) {
        int n = xy.length / 2;
        int cells = pde.cellsPerAxis();
        double[] masses = pde.cellMasses();
        double total = Arrays.stream(masses).sum();
        double sum = 0;
        double[] proj = new double[n];
        double[] cp = new double[cells * cells];
        Integer[] order = new Integer[cells * cells];
        for (int k = 0; k < directions; k++) {
            double a = Math.PI * (k + 0.5) / directions;
            double c = Math.cos(a);
            double s = Math.sin(a);
            for (int p = 0; p < n; p++) {
                proj[p] = c * xy[2 * p] + s * xy[2 * p + 1];
            }
            Arrays.sort(proj);
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    cp[i * cells + j] = c * pde.cx(i) + s * pde.cy(j);
                    order[i * cells + j] = i * cells + j;
                }
            }
            Arrays.sort(order, (p, q) -> Double.compare(cp[p], cp[q]));
            // Both quantile functions are step functions: walk the merged breakpoints.
            double w = 0;
            int ip = 0;
            int ic = 0;
            double u = 0;
            double cellEnd = masses[order[0]] / total;
            while (ip < n && ic < order.length) {
                double sampleEnd = (ip + 1.0) / n;
                double end = Math.min(sampleEnd, cellEnd);
                double d = proj[ip] - cp[order[ic]];
                w += (end - u) * d * d;
                u = end;
                if (sampleEnd <= cellEnd) {
                    ip++;
                }
                if (cellEnd <= sampleEnd) {
                    ic++;
                    if (ic < order.length) {
                        cellEnd += masses[order[ic]] / total;
                    }
                }
            }
            sum += w;
        }
        return Math.sqrt(sum / directions);
    }
}
