package org.ensemble.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ensemble.sgd.Policy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The shipped workers scenarios load, and their resolved text loads back to the same scenario. */
class SgdScenarioLoaderTest {
    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".conf") && SgdScenarioLoader.isSgd(f)).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyShippedScenarioLoadsAndItsRenderRoundTrips(Path file) {
        SgdScenario s = SgdScenarioLoader.load(file, List.of());
        assertEquals(file.getFileName().toString().replace(".conf", ""), s.name());
        SgdScenario again = SgdScenarioLoader.loadString(s.render(), file.getFileName().toString(), List.of());
        assertEquals(s.render(), again.render());
        assertEquals(s.settings().policy(), again.settings().policy());
        assertTrue(ScenarioFiles.load(file, List.of()) instanceof SgdScenario, "dispatch by the workers section");
    }

    @Test
    void optionsOfOnePolicyOrAlgorithmAreRefusedWithAnother() {
        String base = "seed = 1\nmodel { type = quadratic, curvature = [1] }\nrun { versions = 10 }\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> SgdScenarioLoader.loadString(base
                + "workers { count = 2, policy = asp, staleness-bound = 2, lr = 0.1 }\n", "x.conf", List.of()));
        assertTrue(e.getMessage().contains("workers.staleness-bound: expected only with policy = ssp"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> SgdScenarioLoader.loadString(base
                + "workers { count = 2, policy = asp, algorithm = local-sgd, lr = 0.1 }\n", "x.conf", List.of()));
        assertTrue(e.getMessage().contains("workers.algorithm: expected policy = bsp for local-sgd"), e.getMessage());
        SgdScenario ok = SgdScenarioLoader.loadString(base + "workers { count = 2, policy = ssp, staleness-bound = 2,"
                + " lr = 0.1 }\n", "x.conf", List.of());
        assertEquals(Policy.SSP, ok.settings().policy());
        assertEquals(2, ok.settings().bound());
    }
}
