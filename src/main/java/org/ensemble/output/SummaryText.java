package org.ensemble.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code summary.json} as lines for a person: nested sections indented, numbers to six
 * significant digits, short arrays of numbers inline. What {@code ensemble report} prints for runs of
 * every kind, so it needs nothing but the file.
 */
public final class SummaryText {
    private static final int INLINE_MAX = 8;

    private SummaryText() {
    }

    public static List<String> lines(JsonNode summary) {
        List<String> out = new ArrayList<>();
        section(out, summary, "");
        return out;
    }

    private static void section(List<String> out, JsonNode node, String indent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                out.add(indent + e.getKey() + ":");
                section(out, v, indent + "  ");
            } else if (v.isArray() && !inline(v)) {
                out.add(indent + e.getKey() + ": (" + v.size() + ")");
                int i = 0;
                for (JsonNode item : v) {
                    if (item.isObject()) {
                        out.add(indent + "  [" + i + "]");
                        section(out, item, indent + "    ");
                    } else {
                        out.add(indent + "  [" + i + "] " + value(item));
                    }
                    i++;
                }
            } else {
                out.add(indent + e.getKey() + ": " + value(v));
            }
        }
    }

    private static boolean inline(JsonNode array) {
        if (array.size() > INLINE_MAX) {
            return false;
        }
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** A value as text: numbers to six significant digits (integers whole), arrays in brackets. */
    public static String value(JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(value(x)));
            return "[" + String.join(", ", items) + "]";
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return number(v.doubleValue());
        }
        if (v.isNull()) {
            return "—";
        }
        return v.asText();
    }

    static String number(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        String s = String.format(java.util.Locale.ROOT, "%.6g", x);
        // 12.3400 → 12.34; 1.20000e-05 → 1.2e-05
        return s.replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }
}
