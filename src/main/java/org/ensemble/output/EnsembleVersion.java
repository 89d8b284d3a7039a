package org.ensemble.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The project version, from a resource Maven fills in: the same in tests, in the shaded jar and in
 * summary.json (a jar manifest's version is missing when classes run from a directory).
 */
public final class EnsembleVersion {
    private static final String VERSION = read();

    private EnsembleVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = EnsembleVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("$") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
