package org.ensemble.plot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes XChart's SVG small: it draws a line series as one {@code <line>} per segment, each with
 * its full style, and writes coordinates with up to 16 decimals. Consecutive segments of the same
 * style that join end to start become one {@code <polyline>}, and coordinates are rounded to
 * 0.01 px by cutting further digits (far below what a viewer resolves at 900 × 600 px) — inside
 * tags only: the content of a {@code <text>} (a tick label "0.0025") is kept as it is.
 */
final class SvgCompaction {
    private static final Pattern LINE = Pattern.compile(
            "<line style=\"([^\"]*)\" x1=\"([-0-9.eE]+)\" x2=\"([-0-9.eE]+)\" y1=\"([-0-9.eE]+)\" y2=\"([-0-9.eE]+)\"/>");
    private static final Pattern LONG_DECIMAL = Pattern.compile("(-?\\d+\\.\\d\\d)\\d+");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private SvgCompaction() {
    }

    static String compact(String svg) {
        StringBuilder out = new StringBuilder(svg.length() / 2);
        Matcher m = LINE.matcher(svg);
        int at = 0;
        String style = null;
        StringBuilder points = null;
        String endX = null;
        String endY = null;
        while (m.find()) {
            String between = svg.substring(at, m.start());
            boolean adjacent = between.isBlank();
            String x1 = round(m.group(2));
            String x2 = round(m.group(3));
            String y1 = round(m.group(4));
            String y2 = round(m.group(5));
            if (points != null && adjacent && m.group(1).equals(style) && x1.equals(endX) && y1.equals(endY)) {
                points.append(' ').append(x2).append(',').append(y2);
            } else {
                flush(out, style, points);
                out.append(between);
                style = m.group(1);
                points = new StringBuilder().append(x1).append(',').append(y1).append(' ').append(x2).append(',')
                        .append(y2);
            }
            endX = x2;
            endY = y2;
            at = m.end();
        }
        flush(out, style, points);
        out.append(svg, at, svg.length());
        return roundInTags(out);
    }

    private static String roundInTags(CharSequence svg) {
        StringBuilder out = new StringBuilder(svg.length());
        Matcher t = TAG.matcher(svg);
        int at = 0;
        while (t.find()) {
            out.append(svg, at, t.start()).append(LONG_DECIMAL.matcher(t.group()).replaceAll("$1"));
            at = t.end();
        }
        return out.append(svg, at, svg.length()).toString();
    }

    private static void flush(StringBuilder out, String style, StringBuilder points) {
        if (points != null) {
            out.append("<polyline style=\"").append(style).append("\" points=\"").append(points).append("\"/>");
        }
    }

    private static String round(String v) {
        double d = Double.parseDouble(v);
        String s = String.format(java.util.Locale.ROOT, "%.2f", d);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }
}
