package org.ensemble.scenario;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code study { vary, values, seeds }} block of a scenario: one run per value of one key and
 * per seed, tabulated with the mean ± SE across seeds. A particle scenario's points are the
 * scenario without the block (so a point's own {@code scenario.conf} runs that point alone); a
 * training scenario's study adds its success threshold ({@link TrainingScenario.StudySpec}).
 *
 * @param values each value as HOCON text, as {@code --vary} gives them
 */
public record ParticleStudy(String vary, List<String> values, List<Long> seeds) {

    /** The study block of the scenario file (with the overrides applied), if it has one. */
    public static Optional<ParticleStudy> read(Path file, List<String> overrides) {
        String label = file.toString();
        Config config = ScenarioLoader.withOverrides(label, ScenarioLoader.parseFile(file), overrides);
        Section root = new Section(label, "", config.root());
        if (!root.has("study")) {
            return Optional.empty();
        }
        long seed = root.has("seed") ? root.config().getLong("seed") : 1;
        Section st = root.section("study");
        ParticleStudy s = parse(st, seed);
        st.rejectUnknown();
        return Optional.of(s);
    }

    /** Reads vary, values and seeds (default: the scenario's seed); the caller rejects unknown keys. */
    static ParticleStudy parse(Section st, long seed) {
        String key = st.string("vary", null, true);
        if (!key.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*") || key.startsWith("study")) {
            throw st.error("vary", "expected a key path like network.width or dynamics.beta, got '" + key + "'");
        }
        List<String> values = new ArrayList<>();
        if (!st.has("values")) {
            throw st.error("values", "missing; expected a list of values for " + key);
        }
        Object raw = st.config().getValue("values").unwrapped();
        if (!(raw instanceof List<?> l) || l.isEmpty()) {
            throw st.error("values", "expected a non-empty list of values");
        }
        for (Object o : l) {
            values.add(ConfigValueFactory.fromAnyRef(o).render(ConfigRenderOptions.concise()));
        }
        double[] seedsRaw = st.vector("seeds", new double[] {seed}, false);
        List<Long> seeds = new ArrayList<>();
        for (double x : seedsRaw) {
            if (x != Math.rint(x) || x < 0) {
                throw st.error("seeds", "expected non-negative integers, got " + x);
            }
            seeds.add((long) x);
        }
        return new ParticleStudy(key, List.copyOf(values), List.copyOf(seeds));
    }

    /** The values as plain objects (for a resolved scenario's text or a summary). */
    public List<Object> plainValues() {
        List<Object> vs = new ArrayList<>();
        for (String v : values) {
            vs.add(ConfigFactory.parseString("v = " + v).getValue("v").unwrapped());
        }
        return vs;
    }
}
