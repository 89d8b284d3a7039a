package org.ensemble.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.data.IsotropicGaussians;
import org.ensemble.data.ParityData;
import org.ensemble.data.TeacherNetwork;
import org.ensemble.network.Activation;
import org.junit.jupiter.api.Test;

class TrainingScenarioLoaderTest {
    private static final String BASE = "seed = 3\n"
            + "network { width = 50, activation = ramp }\n"
            + "data { type = isotropic-gaussians, dimension = 8, delta = 0.5 }\n"
            + "training { lr = 0.01, time = 1 }\n";

    @Test
    void shippedScenariosLoadAndRoundTrip() {
        for (String f : List.of("mmn-isotropic-gaussians", "teacher-student-width", "noisy-sgd-free-energy",
                "parity-width")) {
            Path p = Path.of("scenarios", f + ".conf");
            assertTrue(TrainingScenarioLoader.isTraining(p), f);
            TrainingScenario s = TrainingScenarioLoader.load(p, List.of());
            TrainingScenario again = TrainingScenarioLoader.loadString(s.resolved(), f, List.of());
            assertEquals(s.resolved().substring(s.resolved().indexOf('\n')),
                    again.resolved().substring(again.resolved().indexOf('\n')), f);
        }
        assertTrue(!TrainingScenarioLoader.isTraining(Path.of("scenarios", "double-well-escape.conf")));
    }

    @Test
    void defaultsAndTypes() {
        TrainingScenario s = TrainingScenarioLoader.loadString(BASE, "t.conf", List.of());
        assertEquals(100, s.steps());
        assertEquals(1, s.reportEvery());
        assertTrue(s.data() instanceof IsotropicGaussians);
        assertEquals(Activation.Kind.RAMP, s.network().activation().kind());
        assertTrue(s.network().trainW() && !s.network().trainA() && !s.network().trainB());
        TrainingScenario t = TrainingScenarioLoader.loadString(BASE, "t.conf", List.of(
                "data={ type = teacher, dimension = 8, width = 3, activation = relu }", "training.batch=4"));
        assertTrue(t.data() instanceof TeacherNetwork);
        assertEquals(4, t.rule().batch());
        TrainingScenario p = TrainingScenarioLoader.loadString(BASE, "t.conf", List.of(
                "data={ type = parity, dimension = 5, subset = [0, 3] }"));
        assertEquals(List.of(0, 3), java.util.Arrays.stream(((ParityData) p.data()).subset()).boxed().toList());
    }

    @Test
    void badInputNamesFileLineAndKey() {
        assertError("network.actvation", List.of("network.actvation=tanh"), "unknown key");
        assertError("network.activation", List.of("network.activation=softplus"), "expected one of");
        assertError("training.steps", List.of("training.steps=10"), "exactly one of");
        assertError("network.train", List.of("network.train=[w, c]"), "subset of [a, w, b]");
        assertError("data.dimension", List.of("data={ type = hadamard, dimension = 12 }"), "power of two");
        assertError("reference.radial-ode", List.of("data={ type = teacher, dimension = 8, width = 3 }",
                "reference={ radial-ode { nodes = 100 } }"), "isotropic-gaussians");
        assertError("reference.radial-ode", List.of("training.beta=10", "reference={ radial-ode { nodes = 100 } }"),
                "without noise");
        assertError("data.file", List.of("data={ type = csv, file = \"no-such.csv\" }"), "not found");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> TrainingScenarioLoader.loadString(BASE.replace("width = 50", "width = -5"), "w.conf", List.of()));
        assertTrue(e.getMessage().startsWith("w.conf:2: network.width: expected an integer in"), e.getMessage());
    }

    @Test
    void nonFiniteNumbersAreRejectedWithTheKey() {
        String finite = "expected a finite number, got ";
        assertError("network.init.a", List.of("network.init.a=NaN"), finite + "NaN");
        assertError("network.init.b", List.of("network.init.b=Infinity"), finite + "Infinity");
        assertError("network.init.w-scale", List.of("network.init.w-scale=NaN"), finite + "NaN");
        assertError("network.ramp.t1", List.of("network.ramp.t1=NaN"), finite + "NaN");
        assertError("network.ramp.s2", List.of("network.ramp.s2=\"-Infinity\""), finite + "-Infinity");
        assertError("data.delta", List.of("data.delta=NaN"), finite + "NaN");
        assertError("training.lr", List.of("training.lr=NaN"), finite + "NaN");
        assertError("training.time", List.of("training.time=Infinity"), finite + "Infinity");
        // In the file, the line is named too.
        ScenarioException e = assertThrows(ScenarioException.class, () -> TrainingScenarioLoader.loadString(
                BASE.replace("delta = 0.5", "delta = NaN"), "n.conf", List.of()));
        assertEquals("n.conf:3: data.delta: expected a finite number, got NaN", e.getMessage());
    }

    private static void assertError(String key, List<String> sets, String problem) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> TrainingScenarioLoader.loadString(BASE, "t.conf", sets));
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(problem) && e.getMessage().startsWith("t.conf"),
                e.getMessage());
    }
}
