package org.ensemble.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GraphDynamicsScenarioLoaderTest {
    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".conf") && GraphDynamicsScenarioLoader.isGraphDynamics(f))
                    .sorted().toList().stream();
        }
    }

    /** Every shipped graph-dynamics scenario loads, and its resolved rendering loads to the same rendering. */
    @ParameterizedTest
    @MethodSource("shipped")
    void loadsAndItsRenderRoundTrips(Path file) {
        GraphDynamicsScenario s = GraphDynamicsScenarioLoader.load(file, List.of());
        assertEquals(file.getFileName().toString().replace(".conf", ""), s.name());
        assertTrue(s.params().couplings().length > 0);
        GraphDynamicsScenario again = GraphDynamicsScenarioLoader.loadString(s.render(), file.toString(), List.of());
        assertEquals(s.render(), again.render());
        assertEquals(s.render(), s.withOverrides(List.of()).render());
    }
}
