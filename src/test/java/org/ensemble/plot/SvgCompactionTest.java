package org.ensemble.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SvgCompactionTest {
    private static final String S = "fill:none;stroke:rgb(0,114,178);";

    private static String line(String style, double x1, double y1, double x2, double y2) {
        return "<line style=\"" + style + "\" x1=\"" + x1 + "\" x2=\"" + x2 + "\" y1=\"" + y1 + "\" y2=\"" + y2
                + "\"/>\n";
    }

    @Test
    void joinedSegmentsOfOneStyleBecomeOnePolylineAndOthersStayApart() {
        String svg = "<svg>\n" + line(S, 0, 0, 1.123456789, 2) + line(S, 1.123456789, 2, 3, 4)
                + line("fill:none;stroke:red;", 3, 4, 5, 6) + line(S, 9, 9, 10, 10) + "<text>x</text>\n</svg>";
        String c = SvgCompaction.compact(svg);
        assertEquals("<svg>\n<polyline style=\"" + S + "\" points=\"0,0 1.12,2 3,4\"/>\n"
                + "<polyline style=\"fill:none;stroke:red;\" points=\"3,4 5,6\"/>\n"
                + "<polyline style=\"" + S + "\" points=\"9,9 10,10\"/>\n<text>x</text>\n</svg>", c);
        assertFalse(c.contains("<line"));
    }

    @Test
    void longDecimalsElsewhereAreRoundedToHundredths() {
        String c = SvgCompaction.compact("<path d=\"M-6.359375,12.123456 L1.5,2\"/>");
        assertEquals("<path d=\"M-6.35,12.12 L1.5,2\"/>", c);
        assertTrue(c.length() < 40);
    }

    @Test
    void textContentKeepsItsDigits() {
        String c = SvgCompaction.compact("<g transform=\"translate(1.23456 2)\"><text x=\"0.123456\">0.0025 · 1.125</text></g>");
        assertEquals("<g transform=\"translate(1.23 2)\"><text x=\"0.12\">0.0025 · 1.125</text></g>", c);
    }
}
