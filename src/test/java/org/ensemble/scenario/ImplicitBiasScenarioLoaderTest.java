package org.ensemble.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ensemble.implicitbias.DiagonalNetworkStudy;
import org.junit.jupiter.api.Test;

class ImplicitBiasScenarioLoaderTest {
    static final String BASE = "seed = 3\n"
            + "implicit-bias {\n"
            + "  problem = diagonal\n"
            + "  alphas = [1e-3, 1]\n"
            + "}\n";

    @Test
    void defaultsAreFilledInAndRenderedForTheRunDirectory() {
        ImplicitBiasScenario s = ImplicitBiasScenarioLoader.loadString(BASE, "d.conf", List.of());
        DiagonalNetworkStudy.Params p = (DiagonalNetworkStudy.Params) s.problem();
        assertEquals(30, p.n());
        assertEquals(2, p.alphas().length);
        assertEquals("in-process", s.execution());
        // The resolved text loads back to the same study.
        ImplicitBiasScenario again = ImplicitBiasScenarioLoader.loadString(s.render(), "r.conf", List.of());
        assertEquals(s.render(), again.render());
    }

    @Test
    void everyShippedStudyLoadsAndItsRenderRoundTrips() throws java.io.IOException {
        List<java.nio.file.Path> files;
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.list(java.nio.file.Path.of("scenarios"))) {
            files = all.filter(ImplicitBiasScenarioLoader::isImplicitBias).sorted().toList();
        }
        assertEquals(5, files.size(), files.toString());
        java.util.Set<String> problems = new java.util.TreeSet<>();
        for (java.nio.file.Path f : files) {
            ImplicitBiasScenario s = ImplicitBiasScenarioLoader.load(f, List.of());
            assertEquals(f.getFileName().toString().replace(".conf", ""), s.name());
            assertEquals(s.render(), ImplicitBiasScenarioLoader.loadString(s.render(), "r.conf", List.of()).render());
            problems.add(s.problem().key());
        }
        assertEquals(new java.util.TreeSet<>(ImplicitBiasScenarioLoader.PROBLEMS), problems);
    }

    private static void assertError(String expectedStart, List<String> overrides, String contains) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ImplicitBiasScenarioLoader.loadString(BASE, "d.conf", overrides));
        assertTrue(e.getMessage().contains(expectedStart), e.getMessage());
        assertTrue(e.getMessage().contains(contains), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void badInputNamesFileLineAndKey() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ImplicitBiasScenarioLoader.loadString(
                BASE.replace("problem = diagonal", "problem = diagonal\n  boost = 50"), "d.conf", List.of()));
        assertTrue(e.getMessage().startsWith("d.conf:4: implicit-bias.boost: expected 1 ≤ boost < 2/lr-scale"),
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ImplicitBiasScenarioLoader.loadString(
                BASE.replace("alphas", "alpha"), "d.conf", List.of()));
        assertTrue(e.getMessage().startsWith("d.conf:4: implicit-bias.alpha: unknown key"), e.getMessage());
        assertError("implicit-bias.problem", List.of("implicit-bias.problem=ridge"), "expected one of least-squares");
        assertError("implicit-bias.alphas", List.of("implicit-bias.alphas=[1, -2]"), "positive");
        assertError("implicit-bias.d", List.of("implicit-bias.n=50"), "more coordinates than examples");
        e = assertThrows(ScenarioException.class, () -> ImplicitBiasScenarioLoader.loadString(
                "seed = 1\nimplicit-bias {\n  problem = lqr\n  a = [1, 2]\n}\n", "l.conf", List.of()));
        assertTrue(e.getMessage().startsWith("l.conf:4: implicit-bias.a: expected state-dim² = 9 numbers"),
                e.getMessage());
        // A key of another problem is unknown here (max-margin has no sparsity).
        e = assertThrows(ScenarioException.class, () -> ImplicitBiasScenarioLoader.loadString(
                "seed = 1\nimplicit-bias {\n  problem = max-margin\n  sparsity = 2\n}\n", "m.conf", List.of()));
        assertTrue(e.getMessage().startsWith("m.conf:4: implicit-bias.sparsity: unknown key"), e.getMessage());
    }
}
