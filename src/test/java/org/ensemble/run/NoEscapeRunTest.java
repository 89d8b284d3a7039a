package org.ensemble.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run in which nothing escapes (or the mean never switches) is a result, not a crash: the summary
 * keeps a lower bound on the MFPT, open-ended intervals are null, and the outputs are committed.
 */
class NoEscapeRunTest {
    private static final String TINY = String.join("\n",
            "seed = 5",
            "backend = java",
            "shards = 1",
            "population { size = 40, init { point = [-1.0] } }",
            "potential { type = double-well }",
            "dynamics { type = overdamped, beta = 4, dt = 1e-3 }",
            "run { time = 0.05 }",
            "escape { targets = [ { name = right, half-space { axis = 0, threshold = 1.0 } } ] }",
            "");

    @TempDir
    Path tmp;

    private RunResult run(Scenario s, ByteArrayOutputStream text) {
        return EscapeRun.execute(s, new RunOptions(tmp.resolve("run"), true, false, c -> m -> {
        }), new PrintStream(text, true));
    }

    @Test
    void noEscapeGivesALowerBoundAndOpenEndedIntervals() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        RunResult r = run(ScenarioLoader.loadString(TINY, "tiny.conf"), text);
        assertTrue(r.outcome().ok(), r.outcome().message());
        Map<?, ?> esc = (Map<?, ?>) r.summary().get("escape");
        assertEquals(0L, ((Number) esc.get("escaped")).longValue());
        assertEquals(40L, ((Number) esc.get("censored")).longValue());
        assertNull(esc.get("mfpt"));
        List<?> ci = (List<?>) esc.get("mfpt_ci");
        double low = ((Number) ci.get(0)).doubleValue();
        assertTrue(low > 0.05, "the chi-square bound exceeds T here: " + low);
        assertNull(ci.get(1)); // open-ended
        assertEquals(low, ((Number) esc.get("mfpt_lower_bound")).doubleValue());
        assertTrue(Files.size(r.directory().resolve("summary.json")) > 0);
        assertTrue(Files.readString(r.directory().resolve("summary.json")).contains("\"mfpt_lower_bound\""));
        String console = text.toString();
        assertTrue(console.contains("0 escaped, 40 censored: MFPT > ") && console.contains("(lower bound"), console);
        assertTrue(!console.contains("simulation − exact"), console); // nothing to compare with
    }

    @Test
    void noSwitchGivesALowerBound() {
        String text = TINY.replace("escape { targets = [ { name = right, half-space { axis = 0, threshold = 1.0 } } ] }",
                "interaction { type = mean-attraction, theta = 1.0 }\nobserve { switching = true }");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunResult r = run(ScenarioLoader.loadString(text, "dz.conf"), out);
        assertTrue(r.outcome().ok(), r.outcome().message());
        Map<?, ?> sw = (Map<?, ?>) r.summary().get("switching");
        assertEquals(0L, ((Number) sw.get("switches")).longValue());
        assertNull(sw.get("mean_time"));
        List<?> ci = (List<?>) sw.get("mean_time_ci");
        assertTrue(((Number) ci.get(0)).doubleValue() > 0);
        assertNull(ci.get(1));
        assertTrue(out.toString().contains("0 switches, mean time > "), out.toString());
    }
}
