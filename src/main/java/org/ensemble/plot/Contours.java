package org.ensemble.plot;

import java.util.ArrayList;
import java.util.List;

/** Contour segments of a field on a rectangular grid by marching squares (cell-centre rule for saddles). */
final class Contours {
    private Contours() {
    }

    /** Segments {x1, y1, x2, y2} of the level sets; field[i][j] at (x[i], y[j]); NaN nodes are skipped. */
    static List<double[]> segments(double[] x, double[] y, double[][] field, double[] levels) {
        List<double[]> out = new ArrayList<>();
        for (double level : levels) {
            for (int i = 0; i + 1 < x.length; i++) {
                for (int j = 0; j + 1 < y.length; j++) {
                    cell(out, level, x[i], x[i + 1], y[j], y[j + 1], field[i][j], field[i + 1][j], field[i + 1][j + 1],
                            field[i][j + 1]);
                }
            }
        }
        return out;
    }

    /** Corners counter-clockwise from (x0, y0): a, b (x1, y0), c (x1, y1), d (x0, y1). */
    private static void cell(List<double[]> out, double l, double x0, double x1, double y0, double y1, double a,
                             double b, double c, double d) {
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
            return;
        }
        // Crossing points on the four edges (bottom, right, top, left) where the level is crossed.
        double[][] p = new double[4][];
        if ((a < l) != (b < l)) {
            p[0] = new double[] {x0 + (l - a) / (b - a) * (x1 - x0), y0};
        }
        if ((b < l) != (c < l)) {
            p[1] = new double[] {x1, y0 + (l - b) / (c - b) * (y1 - y0)};
        }
        if ((d < l) != (c < l)) {
            p[2] = new double[] {x0 + (l - d) / (c - d) * (x1 - x0), y1};
        }
        if ((a < l) != (d < l)) {
            p[3] = new double[] {x0, y0 + (l - a) / (d - a) * (y1 - y0)};
        }
        List<double[]> pts = new ArrayList<>(4);
        for (double[] q : p) {
            if (q != null) {
                pts.add(q);
            }
        }
        if (pts.size() == 2) {
            out.add(new double[] {pts.get(0)[0], pts.get(0)[1], pts.get(1)[0], pts.get(1)[1]});
        } else if (pts.size() == 4) {
            // Saddle cell: pair the crossings by the value at the centre.
            boolean centreAbove = (a + b + c + d) / 4 >= l;
            boolean aAbove = a >= l;
            if (centreAbove == aAbove) {
                out.add(new double[] {p[0][0], p[0][1], p[1][0], p[1][1]});
                out.add(new double[] {p[2][0], p[2][1], p[3][0], p[3][1]});
            } else {
                out.add(new double[] {p[0][0], p[0][1], p[3][0], p[3][1]});
                out.add(new double[] {p[1][0], p[1][1], p[2][0], p[2][1]});
            }
        }
    }

    /**
     * Grid points that are local minima (below all 8 neighbours) or saddles (the sign of
     * neighbour − centre changes at least four times around the ring of 8), as {x[], y[]} pairs:
     * result[0] minima, result[1] saddles. Located to the grid's resolution.
     */
    static double[][][] stationaryPoints(double[] x, double[] y, double[][] f) {
        int[][] ring = {{-1, -1}, {0, -1}, {1, -1}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}};
        List<double[]> minima = new ArrayList<>();
        List<double[]> saddles = new ArrayList<>();
        for (int i = 1; i + 1 < x.length; i++) {
            for (int j = 1; j + 1 < y.length; j++) {
                final int ii = i;
                final int jj = j;
                double c = f[i][j];
                boolean lowest = true;
                int changes = 0;
                double last = f[i + ring[7][0]][j + ring[7][1]] - c;
                for (int[] r : ring) {
                    double d = f[i + r[0]][j + r[1]] - c;
                    lowest &= d > 0;
                    changes += (d > 0) != (last > 0) ? 1 : 0;
                    last = d;
                }
                if (lowest) {
                    minima.add(new double[] {x[i], y[j], i, j});
                } else if (changes >= 4 && saddles.stream().noneMatch(q -> Math.abs(q[2] - ii) <= 1
                        && Math.abs(q[3] - jj) <= 1)) {
                    // A saddle between grid points shows at two neighbours: the first one marks it.
                    saddles.add(new double[] {x[i], y[j], i, j});
                }
            }
        }
        return new double[][][] {columns(minima), columns(saddles)};
    }

    private static double[][] columns(List<double[]> pts) {
        double[][] c = new double[2][pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            c[0][k] = pts.get(k)[0];
            c[1][k] = pts.get(k)[1];
        }
        return c;
    }
}
