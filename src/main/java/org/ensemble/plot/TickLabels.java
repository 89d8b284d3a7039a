package org.ensemble.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;

/**
 * Tick labels people can read: numbers rounded to what the tick spacing needs, and on log axes
 * labels at every span. XChart places log ticks at 1…9 × 10^k (the unlabelled ones serve as minor
 * ticks); which of them carry a label depends on how many decades the axis spans: all of them
 * below ~1.2 decades (0.02, 0.03 … 0.1), 1, 2 and 5 up to 3.5 decades, decades only beyond (at least three
 * of them then).
 */
public final class TickLabels {
    private TickLabels() {
    }

    /** The label function for a log axis spanning [min, max] (both > 0). */
    public static Function<Double, String> logAxis(double min, double max) {
        double decades = Math.log10(max / min);
        return v -> {
            if (!(v > 0)) {
                return "";
            }
            double exponent = Math.floor(Math.log10(v) + 1e-9);
            long mantissa = Math.round(v / Math.pow(10, exponent));
            boolean shown = decades <= 1.2 || mantissa == 1 || (decades <= 3.5 && (mantissa == 2 || mantissa == 5));
            return shown ? number(v) : "";
        };
    }

    /** A log axis needs more than a factor 2.5 between its ends, or it would carry fewer than three labels. */
    public static boolean logWorthwhile(double min, double max) {
        return min > 0 && max / min >= 2.5;
    }

    /** v with at most four significant digits and no trailing zeros: 0.02, 1500, 2.5e-05. */
    public static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            return d.toPlainString();
        }
        int exponent = (int) Math.floor(Math.log10(a));
        BigDecimal m = new BigDecimal(v / Math.pow(10, exponent)).round(new MathContext(4)).stripTrailingZeros();
        return m.toPlainString() + "e" + exponent;
    }

    /**
     * Round tick values for a linear range: steps of 1, 2 or 5 × 10^k, about {@code target} of
     * them between lo and hi (lo and hi included where they fall on a step).
     */
    public static double[] linear(double lo, double hi, int target) {
        if (!(hi > lo)) {
            return new double[] {lo};
        }
        double raw = (hi - lo) / Math.max(1, target);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / p <= 1 ? p : raw / p <= 2 ? 2 * p : raw / p <= 5 ? 5 * p : 10 * p;
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        double[] t = new double[(int) (last - first + 1)];
        for (int i = 0; i < t.length; i++) {
            t[i] = (first + i) * step;
        }
        return t;
    }

    /** Round a maximum up to one of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 × 10^k (colour-bar ends). */
    public static double roundUp(double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            return v;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * p >= v * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
