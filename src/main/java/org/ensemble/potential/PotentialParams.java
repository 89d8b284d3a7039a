package org.ensemble.potential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The {@code potential.params { }} of a scenario, typed for a user potential's constructor. HOCON
 * hands {@code a = 2}, and even {@code a = 2.0}, over as an Integer, so a {@code (Double)} cast in user code
 * is fragile; these getters convert, and a wrong or missing value fails with a one-line error
 * naming the file, line and key ({@code f.conf:6: potential.params.a: expected a number, got "x"}).
 */
public final class PotentialParams {
    private final Map<String, Object> values;
    private final BiFunction<String, String, RuntimeException> error;

    /**
     * @param values the unwrapped HOCON object
     * @param error  makes the exception for (key, problem); the loader names the file and line
     */
    public PotentialParams(Map<String, Object> values, BiFunction<String, String, RuntimeException> error) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.error = error;
    }

    /** Params outside a scenario (tests, code): errors name just the key. */
    public static PotentialParams of(Map<String, Object> values) {
        return new PotentialParams(values,
                (k, problem) -> new IllegalArgumentException("potential.params." + k + ": " + problem));
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    /** The raw values, as a Map constructor would get them. */
    public Map<String, Object> asMap() {
        return values;
    }

    public double getDouble(String key) {
        return toDouble(key, require(key, "a number"), null);
    }

    public double getDouble(String key, double fallback) {
        return has(key) ? getDouble(key) : fallback;
    }

    public int getInt(String key) {
        double x = getDouble(key);
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw error.apply(key, "expected an integer, got " + x);
        }
        return (int) x;
    }

    public int getInt(String key, int fallback) {
        return has(key) ? getInt(key) : fallback;
    }

    /** A list of numbers; a single number is a list of one. */
    public double[] getDoubleArray(String key) {
        Object v = require(key, "a list of numbers");
        if (!(v instanceof List<?> l)) {
            return new double[] {toDouble(key, v, null)};
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(key, l.get(i), i);
        }
        return out;
    }

    public double[] getDoubleArray(String key, double[] fallback) {
        return has(key) ? getDoubleArray(key) : fallback;
    }

    public String getString(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw error.apply(key, "expected a string, got " + render(v));
        }
        return String.valueOf(v);
    }

    private Object require(String key, String expected) {
        if (!has(key)) {
            throw error.apply(key, "missing; expected " + expected);
        }
        return values.get(key);
    }

    private double toDouble(String key, Object v, Integer index) {
        String where = index == null ? "" : "element " + index + ": ";
        double x;
        if (v instanceof Number n) {
            x = n.doubleValue();
        } else if (v instanceof String s) {
            try {
                x = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw error.apply(key, where + "expected a number, got " + render(v));
            }
        } else {
            throw error.apply(key, where + "expected a number, got " + render(v));
        }
        if (!Double.isFinite(x)) {
            throw error.apply(key, where + "expected a finite number, got " + x);
        }
        return x;
    }

    private static String render(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                parts.add(render(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Map<?, ?>) {
            return "an object { ... }";
        }
        return String.valueOf(v);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
