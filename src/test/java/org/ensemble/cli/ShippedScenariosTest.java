package org.ensemble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code list} and {@code validate} accept every shipped scenario, of every kind, through one dispatch. */
class ShippedScenariosTest {
    static Stream<Path> shipped() throws IOException {
        return Files.list(Path.of("scenarios")).filter(p -> p.toString().endsWith(".conf")).sorted();
    }

    @Test
    void everyShippedScenarioIsCounted() throws IOException {
        // 13 + six SGD-workers, five splitting, five implicit-bias, three gradient-failure, three linear-failures,
        // two GNN and five graph-dynamics scenarios.
        assertEquals(42, shipped().count());
    }

    @Test
    void listShowsEveryScenarioAsValid() throws IOException {
        String out = captured(() -> assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), "list")));
        List<Path> files = shipped().toList();
        for (Path f : files) {
            assertTrue(out.contains(f.getFileName().toString()), f + " missing from list:\n" + out);
        }
        assertFalse(out.contains("INVALID"), out);
        // A training scenario's line says what it trains.
        assertTrue(out.lines().anyMatch(l -> l.startsWith("mmn-isotropic-gaussians.conf") && l.contains("N=2000")
                && l.contains("data=isotropic-gaussians")), out);
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void validateAcceptsIt(Path file) {
        StringWriter err = new StringWriter();
        String out = captured(() -> assertEquals(0, Main.execute(new PrintWriter(err, true), "validate",
                file.toString()), err.toString()));
        assertTrue(out.contains("# ok: " + file + " is valid"), out);
    }

    private static String captured(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
