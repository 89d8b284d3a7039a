package org.ensemble.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SplittingScenarioLoaderTest {
    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            return files.filter(SplittingScenarioLoader::isSplitting).sorted().toList().stream();
        }
    }

    @Test
    void theFiveShippedSplittingScenariosAreFound() throws IOException {
        assertEquals(List.of("double-well-ams-mfpt.conf", "double-well-ams-replicas.conf", "double-well-ams.conf",
                "double-well-ffs.conf", "muller-brown-ams.conf"),
                examples().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void loadsAndItsRenderRoundTrips(Path file) {
        SplittingScenario s = SplittingScenarioLoader.load(file, List.of());
        assertEquals(file.getFileName().toString().replace(".conf", ""), s.name());
        assertEquals(s.resolved(), s.withOverrides(List.of()).resolved());
        assertTrue(ScenarioFiles.load(file, List.of()) instanceof SplittingScenario);
    }

    @Test
    void betaIsSweepableAndFfsGetsEquallySpacedInterfaces() {
        SplittingScenario s = SplittingScenarioLoader.load(Path.of("scenarios/double-well-ams.conf"),
                List.of("dynamics.beta=12"));
        assertArrayEquals(new double[] {12}, s.ams().betas());
        assertNull(s.ffs());
        SplittingScenario f = SplittingScenarioLoader.load(Path.of("scenarios/double-well-ffs.conf"),
                List.of("splitting.interface-count=4"));
        assertNotNull(f.ffs());
        assertArrayEquals(new double[] {-0.425, 0.05, 0.525, 1}, f.ffs().interfaces(), 1e-12);
        ScenarioException e = assertThrows(ScenarioException.class, () -> SplittingScenarioLoader.load(
                Path.of("scenarios/double-well-ffs.conf"), List.of("splitting.interfaces=[0.5, 0]")));
        assertTrue(e.getMessage().contains("splitting.interfaces: expected interfaces increasing"), e.getMessage());
    }
}
