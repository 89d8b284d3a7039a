package org.ensemble.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Values to colours for density maps: viridis reversed (perceptually uniform, colour-blind safe,
 * readable in grey; dark = dense), linear from 0 or logarithmic, between round ends; zero and values below a log scale's
 * floor are drawn near-white, so empty regions read as empty.
 */
public record ColourScale(double low, double high, boolean log) {
    private static final Color EMPTY = new Color(248, 248, 250);
    private static final int[][] VIRIDIS = {
        {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
        {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}};

    public ColourScale {
        if (!(high > low) || (log && !(low > 0))) {
            throw new IllegalArgumentException("colour scale needs low < high (and low > 0 on a log scale): "
                    + low + ", " + high);
        }
    }

    /**
     * The scale for values up to max: linear [0, round max], or on a log scale the decades from
     * max down to max·floor (floor e.g. 1e-3: three decades, enough to show shallow minima).
     */
    public static ColourScale forMax(double max, boolean log, double floor) {
        double top = TickLabels.roundUp(max > 0 && Double.isFinite(max) ? max : 1);
        if (!log) {
            return new ColourScale(0, top, false);
        }
        double hi = Math.pow(10, Math.ceil(Math.log10(top) - 1e-9));
        double lo = Math.pow(10, Math.floor(Math.log10(hi * floor) + 1e-9));
        return new ColourScale(lo, hi, true);
    }

    /** Position of v in [0, 1]; NaN for values below the scale (drawn as empty). */
    public double fraction(double v) {
        if (!(v > 0) || (log && v < low)) {
            return Double.NaN;
        }
        double f = log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
        return Math.min(1, Math.max(0, f));
    }

    public Color colour(double v) {
        double f = fraction(v);
        return Double.isNaN(f) ? EMPTY : at(f);
    }

    /** The viridis colour at f in [0, 1]. */
    public static Color at(double f) {
        // Reversed: pale yellow for little, dark for much, so low densities fade toward the white of empty cells.
        double p = (1 - f) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(p));
        double t = p - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a[0] + t * (b[0] - a[0])), (int) Math.round(a[1] + t * (b[1] - a[1])),
                (int) Math.round(a[2] + t * (b[2] - a[2])));
    }

    /** Tick values on the colour bar: round linear steps, or decades (with 2 and 5 when few decades). */
    public List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        if (!log) {
            for (double v : TickLabels.linear(low, high, 5)) {
                t.add(v);
            }
            return t;
        }
        double decades = Math.log10(high / low);
        for (double d = Math.log10(low); d <= Math.log10(high) + 1e-9; d += 1) {
            double p = Math.pow(10, Math.round(d));
            t.add(p);
            if (decades <= 3) {
                if (2 * p <= high * (1 + 1e-9)) {
                    t.add(2 * p);
                }
                if (5 * p <= high * (1 + 1e-9)) {
                    t.add(5 * p);
                }
            }
        }
        return t;
    }
}
