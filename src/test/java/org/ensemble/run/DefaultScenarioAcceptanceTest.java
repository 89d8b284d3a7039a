package org.ensemble.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's default run, as a user runs it: the simulated MFPT lands within 3 SE plus the
 * Euler–Maruyama bias of the exact value (reference: at β = 4, dt = 1e-3 the chain's MFPT is
 * 69.2328 against the continuous 69.2636), and every promised output exists.
 */
class DefaultScenarioAcceptanceTest {
    static final double EULER_MARUYAMA_BIAS = 69.2636447608363 - 69.2328;

    @TempDir
    Path tmp;

    @Test
    void defaultScenarioMatchesTheExactMfpt() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/double-well-escape.conf"), List.of("backend=java"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        RunResult r = EscapeRun.execute(s, new RunOptions(tmp.resolve("run"), true, true, c -> m -> {
        }), new PrintStream(text, true));
        assertTrue(r.outcome().ok(), r.outcome().message());
        double exact = r.exactMfpt();
        assertEquals(69.2636447608363, exact, 1e-7);
        double tol = 3 * r.mfpt().standardError() + Math.abs(EULER_MARUYAMA_BIAS);
        assertEquals(exact, r.mfpt().mfpt(), tol, text.toString());
        assertTrue(r.mfpt().ciLow() < r.mfpt().mfpt() && r.mfpt().mfpt() < r.mfpt().ciHigh());
        // The chain's own exact MFPT (reference: 69.2328 at dt = 1e-3), and the simulation within 3 SE of it.
        Object chain = ((java.util.Map<?, ?>) r.summary().get("escape")).get("euler_maruyama_mfpt");
        assertEquals(69.2328, (Double) chain, 1e-3);
        assertEquals((Double) chain, r.mfpt().mfpt(), 3 * r.mfpt().standardError());
        for (String f : List.of("scenario.conf", "summary.json", "timeseries.csv", "escapes.csv", "run.json",
                "plots/survival.png", "plots/survival.svg", "plots/histogram-over-time.png",
                "plots/histogram-over-time.svg")) {
            assertTrue(Files.size(r.directory().resolve(f)) > 0, f);
        }
        String summary = Files.readString(r.directory().resolve("summary.json"));
        for (String key : List.of("\"mfpt\"", "\"mfpt_ci\"", "\"escaped\"", "\"censored\"", "\"exact_mfpt\"",
                "\"eyring_kramers\"", "\"seed\"", "\"backend\"", "\"device\"")) {
            assertTrue(summary.contains(key), key + " missing from summary.json");
        }
        assertTrue(text.toString().contains("exact MFPT (quadrature) = 69.26"), text.toString());
        // README's sample output is what this run prints, but for the wall time and the directory.
        assertEquals(masked(readmeSample()), masked(text.toString()), "README.md's sample output is stale");
    }

    /** The code block after "The run prints, for example" in README.md. */
    static String readmeSample() throws java.io.IOException {
        String readme = Files.readString(Path.of("README.md"));
        int at = readme.indexOf("The run prints, for example");
        int open = readme.indexOf("```\n", at) + 4;
        return readme.substring(open, readme.indexOf("```", open));
    }

    static String masked(String text) {
        return text.replaceAll("steps, [0-9.]+ s\\)", "steps, … s)").replaceAll("outputs: .*", "outputs: …").strip();
    }
}
