package org.ensemble.scenario;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the study kinds' loaders (implicit bias, gradient failures, linear failures, graph dynamics,
 * GNN) share: the three ways in — a file, a string, a resolved scenario again with overrides — and
 * the header keys every one of them has ({@code name}, {@code seed}, {@code shards}).
 */
final class StudyEntry {
    private StudyEntry() {
    }

    /** A kind's build step: from the parsed text (overrides applied) to its scenario. */
    interface Builder<S> {
        S build(String label, String defaultName, Path source, Config config);
    }

    /** The header keys, read and written into the resolved map {@code r}. */
    record Header(String name, long seed, int shards) {
    }

    static <S> S file(Path file, List<String> overrides, Builder<S> b) {
        String label = file.toString();
        Config base = ScenarioLoader.parseFile(file);
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return b.build(label, name, file, ScenarioLoader.withOverrides(label, base, overrides));
    }

    static <S> S string(String hocon, String originName, List<String> overrides, Builder<S> b) {
        Config base = ScenarioLoader.parseString(hocon, originName);
        return b.build(originName, originName.replaceFirst("\\.[^.]*$", ""), null,
                ScenarioLoader.withOverrides(originName, base, overrides));
    }

    /** A resolved scenario (its {@code scenario.conf} text) again, with overrides. */
    static <S> S reload(String resolved, String name, Path source, List<String> overrides, Builder<S> b) {
        String label = source != null ? source.toString() : name;
        Config base = ScenarioLoader.parseString(resolved, label);
        return b.build(label, name, source, ScenarioLoader.withOverrides(label, base, overrides));
    }

    static Header header(Section root, String defaultName, Map<String, Object> r, long maxSeed) {
        String name = root.string("name", defaultName, false);
        long seed = root.integer("seed", 0, true, 0, maxSeed);
        int shards = (int) root.integer("shards", 2, false, 1, 4096);
        r.put("name", name);
        r.put("seed", seed);
        r.put("shards", shards);
        return new Header(name, seed, shards);
    }
}
