package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One object of a scenario being read, with its key path, so every error names the file, the line
 * and the full key. Readers declare the keys they know; {@link #rejectUnknown()} fails on the rest.
 */
final class Section {
    private final String file;
    private final String path;
    private final ConfigObject object;
    private final Set<String> known = new TreeSet<>();

    Section(String file, String path, ConfigObject object) {
        this.file = file;
        this.path = path;
        this.object = object;
    }

    String key(String k) {
        return path.isEmpty() ? k : path + "." + k;
    }

    boolean has(String k) {
        known.add(k);
        ConfigValue v = object.get(k);
        return v != null && v.valueType() != ConfigValueType.NULL;
    }

    ScenarioException error(String k, String problem) {
        ConfigValue v = k == null ? object : object.get(k);
        if (v != null && v.origin() != null && (v.origin().description().startsWith("--set ")
                || v.origin().description().startsWith("--vary "))) {
            // The value came from the command line, not the file.
            return new ScenarioException(file + " (" + v.origin().description().replaceAll(": \\d+$", "") + ")", -1,
                    k == null ? path : key(k), problem);
        }
        int line = v != null && v.origin() != null ? v.origin().lineNumber() : lineOf(object);
        return new ScenarioException(file, line, k == null ? path : key(k), problem);
    }

    private static int lineOf(ConfigValue v) {
        return v != null && v.origin() != null ? v.origin().lineNumber() : -1;
    }

    private ConfigValue require(String k, String expected) {
        if (!has(k)) {
            throw error(k, "missing; expected " + expected);
        }
        return object.get(k);
    }

    private static String describe(ConfigValue v) {
        String r = v.render();
        return v.valueType().name().toLowerCase() + " " + (r.length() > 40 ? r.substring(0, 40) + "…" : r);
    }

    double number(String k, double fallback, boolean required) {
        if (!has(k)) {
            if (required) {
                throw error(k, "missing; expected a number");
            }
            return fallback;
        }
        return toDouble(k, object.get(k));
    }

    private double toDouble(String k, ConfigValue v) {
        double x;
        if (v.valueType() == ConfigValueType.NUMBER) {
            x = ((Number) v.unwrapped()).doubleValue();
        } else if (v.valueType() == ConfigValueType.STRING) {
            try {
                x = Double.parseDouble(((String) v.unwrapped()).trim());
            } catch (NumberFormatException e) {
                throw error(k, "expected a number, got " + describe(v));
            }
        } else {
            throw error(k, "expected a number, got " + describe(v));
        }
        // Unquoted NaN / Infinity parse as strings that Double accepts; caught here, or a later step blames dt.
        if (!Double.isFinite(x)) {
            throw error(k, "expected a finite number, got " + x);
        }
        return x;
    }

    double positive(String k, double fallback, boolean required) {
        double x = number(k, fallback, required);
        if (!(x > 0) || Double.isInfinite(x)) {
            throw error(k, "expected a positive finite number, got " + x);
        }
        return x;
    }

    long integer(String k, long fallback, boolean required, long min, long max) {
        double x = number(k, fallback, required);
        if (x != Math.rint(x) || Double.isInfinite(x)) {
            throw error(k, "expected an integer, got " + x);
        }
        long v = (long) x;
        if (v < min || v > max) {
            throw error(k, "expected an integer in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    boolean bool(String k, boolean fallback) {
        if (!has(k)) {
            return fallback;
        }
        ConfigValue v = object.get(k);
        if (v.valueType() == ConfigValueType.BOOLEAN) {
            return (Boolean) v.unwrapped();
        }
        throw error(k, "expected true or false, got " + describe(v));
    }

    String string(String k, String fallback, boolean required) {
        if (!has(k)) {
            if (required) {
                throw error(k, "missing; expected a string");
            }
            return fallback;
        }
        ConfigValue v = object.get(k);
        if (v.valueType() == ConfigValueType.STRING || v.valueType() == ConfigValueType.NUMBER
                || v.valueType() == ConfigValueType.BOOLEAN) {
            return String.valueOf(v.unwrapped());
        }
        throw error(k, "expected a string, got " + describe(v));
    }

    String choice(String k, String fallback, List<String> allowed) {
        String s = string(k, fallback, fallback == null);
        if (!allowed.contains(s)) {
            throw error(k, "expected one of " + String.join(", ", allowed) + ", got '" + s + "'");
        }
        return s;
    }

    double[] vector(String k, double[] fallback, boolean required) {
        if (!has(k)) {
            if (required) {
                throw error(k, "missing; expected a list of numbers");
            }
            return fallback;
        }
        ConfigValue v = object.get(k);
        if (v.valueType() == ConfigValueType.NUMBER) {
            return new double[] {toDouble(k, v)};
        }
        if (v.valueType() != ConfigValueType.LIST) {
            throw error(k, "expected a list of numbers, got " + describe(v));
        }
        ConfigList list = (ConfigList) v;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            ConfigValue e = list.get(i);
            if (e.valueType() != ConfigValueType.NUMBER) {
                throw error(k, "expected a list of numbers, element " + i + " is " + describe(e));
            }
            out[i] = ((Number) e.unwrapped()).doubleValue();
            if (!Double.isFinite(out[i])) {
                throw error(k, "expected finite numbers");
            }
        }
        return out;
    }

    Section section(String k) {
        if (!has(k)) {
            return new Section(file, key(k), com.typesafe.config.ConfigFactory.empty(key(k)).root());
        }
        ConfigValue v = object.get(k);
        if (v.valueType() != ConfigValueType.OBJECT) {
            throw error(k, "expected an object { ... }, got " + describe(v));
        }
        return new Section(file, key(k), (ConfigObject) v);
    }

    List<Section> sections(String k) {
        List<Section> out = new ArrayList<>();
        if (!has(k)) {
            return out;
        }
        ConfigValue v = object.get(k);
        if (v.valueType() != ConfigValueType.LIST) {
            throw error(k, "expected a list of objects [ {...}, ... ], got " + describe(v));
        }
        ConfigList list = (ConfigList) v;
        for (int i = 0; i < list.size(); i++) {
            ConfigValue e = list.get(i);
            if (e.valueType() != ConfigValueType.OBJECT) {
                throw error(k, "expected a list of objects, element " + i + " is " + describe(e));
            }
            out.add(new Section(file, key(k) + "[" + i + "]", (ConfigObject) e));
        }
        return out;
    }

    List<String> presentKeys() {
        return new ArrayList<>(new TreeSet<>(object.keySet()));
    }

    /** Fails on the first key that no reader asked for. */
    void rejectUnknown() {
        for (String k : new TreeSet<>(object.keySet())) {
            if (!known.contains(k)) {
                throw error(k, "unknown key; known keys here: " + String.join(", ", known));
            }
        }
    }

    Config config() {
        try {
            return object.toConfig();
        } catch (ConfigException e) {
            throw new ScenarioException(file, -1, path, e.getMessage());
        }
    }

    String file() {
        return file;
    }
}
