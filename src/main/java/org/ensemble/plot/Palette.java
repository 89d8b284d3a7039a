package org.ensemble.plot;

import java.awt.Color;

/**
 * Series colours that stay apart for readers with colour-vision deficiencies: the eight
 * Okabe–Ito colours (yellow left out, it vanishes on white) followed by three of Paul Tol's
 * muted colours, ten in all; theory lines are dark grey and dashed, uncertainty a translucent
 * copy of the series colour.
 */
public final class Palette {
    private static final Color[] SERIES = {
        new Color(0, 114, 178),    // blue
        new Color(213, 94, 0),     // vermillion
        new Color(0, 158, 115),    // bluish green
        new Color(204, 121, 167),  // reddish purple
        new Color(230, 159, 0),    // orange
        new Color(86, 180, 233),   // sky blue
        new Color(0, 0, 0),        // black
        new Color(136, 34, 85),    // wine
        new Color(153, 153, 51),   // olive
        new Color(119, 119, 119),  // grey
    };

    /** Theory lines (exact values, fitted slopes, thresholds). */
    public static final Color THEORY = new Color(60, 60, 60);

    private Palette() {
    }

    /** The i-th series colour; past ten the colours repeat (charts with more series also vary the dash). */
    public static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    public static Color[] all() {
        return SERIES.clone();
    }

    /** The colour with alpha (0–255): bands of uncertainty behind their series. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
