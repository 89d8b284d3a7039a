package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outputs that depend only on scenario, seed and backend (summary.json and every CSV) are
 * byte-identical to those recorded before the engine became one step protocol
 * ({@code src/test/resources/golden/short-runs.sha256}, made by {@code scripts/golden.sh} at commit
 * b3bd805; {@code all-scenarios.sha256} has all 13 shipped scenarios, checked by that script). The
 * short runs kept here cover escape statistics, mean-field switching, the PDE beside the particles,
 * a pair kernel, SGD beside the reduced ODE and noisy SGD. A changed hash means changed numbers:
 * say which and why before re-recording.
 *
 * <p>Re-recorded once, for presentation only: every {@code risk.csv} (2 here, 36 in
 * all-scenarios) names its third column {@code running_train_loss} (was {@code train_risk}) and
 * leaves it empty at step 0, where it held one batch's loss. Checked before re-recording: each new
 * file equals the old one with exactly those two edits, and every other CSV and summary.json of the
 * training scenarios is byte-identical (111 files).
 */
class GoldenOutputsTest {
    /** The same shortenings as scripts/golden.sh. */
    static final Map<String, List<String>> RUNS = Map.of(
            "double-well-arrhenius", List.of("population.size=500", "run.time=100", "backend=java"),
            "desai-zwanzig-switching", List.of("run.time=400", "backend=java"),
            "mckean-vlasov-vs-pde", List.of("population.size=5000", "run.time=2", "backend=java"),
            "pair-kernel-vs-pde", List.of("population.size=5000", "run.time=1", "backend=java"),
            "mmn-isotropic-gaussians", List.of("network.width=200", "training.time=1"),
            "noisy-sgd-free-energy", List.of("network.width=100", "training.time=2"));

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"double-well-arrhenius", "desai-zwanzig-switching", "mckean-vlasov-vs-pde",
        "pair-kernel-vs-pde", "mmn-isotropic-gaussians", "noisy-sgd-free-energy"})
    void outputsEqualTheRecordedBytes(String name) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "scenarios/" + name + ".conf"));
        for (String s : RUNS.get(name)) {
            args.add("--set");
            args.add(s);
        }
        Path out = tmp.resolve(name);
        args.addAll(List.of("--no-metrics", "--no-plots", "--quiet", "--out", out.toString()));
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(err, true), args.toArray(String[]::new)), err.toString());
        assertEquals(expected(name), actual(name, out));
    }

    private static Map<String, String> expected(String name) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/golden/short-runs.sha256"))) {
            String[] p = line.split("  ", 2);
            if (p[1].startsWith(name + "/")) {
                m.put(p[1], p[0]);
            }
        }
        return m;
    }

    private static Map<String, String> actual(String name, Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(f).toString();
                if (rel.endsWith(".csv") || rel.equals("summary.json") || rel.endsWith("/summary.json")) {
                    m.put(name + "/" + rel, sha256(f));
                }
            }
        }
        return m;
    }

    private static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
