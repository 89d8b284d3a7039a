package org.ensemble.coordinates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

class CoordinateModelTest {
    /** A 6 × 13 design with entries from a fixed formula, targets ±1 / reals. */
    static CoordinateRecipe recipe(Parameterisation p, double init, double eta, int block) {
        int n = 6;
        int d = 13;
        double[] x = new double[n * d];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < d; i++) {
                x[j * d + i] = Math.sin(1.3 * j + 0.7 * i * i + 0.1);
            }
        }
        return new CoordinateRecipe(n, d, x, p, init, eta, block);
    }

    static final double[] Y = {1, -1, 1, 1, -1, -1};

    @Test
    void oneStepOfEachParameterisationMatchesItsFormula() {
        double[] c = {0.1, -0.2, 0.3, 0, 0.05, -0.4};
        for (Parameterisation p : Parameterisation.values()) {
            CoordinateRecipe r = recipe(p, 0.5, 0.1, 4);
            CoordinateBlocks b = new CoordinateBlocks(r, 3, 5, 4);
            b.step(c);
            for (int i = 0; i < 5; i++) {
                double g = 0;
                for (int j = 0; j < 6; j++) {
                    g += r.x()[j * 13 + 3 + i] * c[j];
                }
                double expected = switch (p) {
                    case LINEAR -> 0.5 - 0.1 * g;
                    // u = v = 0.5: u' = u(1 − 2ηg), v' = v(1 + 2ηg), w = u'² − v'² = −8ηg·u²
                    case SIGNED_SQUARES -> 0.25 * (Math.pow(1 - 0.2 * g, 2) - Math.pow(1 + 0.2 * g, 2));
                    case EGU -> 0.5 * Math.exp(-0.1 * g);
                };
                assertEquals(expected, b.weight(i), 1e-15, p + " coordinate " + i);
            }
            // Outputs: two blocks (4 + 1 coordinates), each Σ X_{:,i} w_i over its coordinates.
            double[] out = b.outputs();
            assertEquals(2 * 6, out.length);
            double z = 0;
            for (int i = 0; i < 4; i++) {
                z += r.x()[2 * 13 + 3 + i] * b.weight(i);
            }
            assertEquals(z, out[2], 1e-15);
        }
    }

    @Test
    void logisticDerivativeIsStableAndMatchesTheLoss() {
        for (double z : new double[] {-800, -3, 0, 2.5, 800}) {
            for (double y : new double[] {-1, 1}) {
                double h = 1e-6;
                double fd = (LossKind.LOGISTIC.value(z + h, y) - LossKind.LOGISTIC.value(z - h, y)) / (2 * h);
                assertEquals(fd, LossKind.LOGISTIC.derivative(z, y), 1e-8);
            }
        }
        assertEquals(Math.log(2), LossKind.LOGISTIC.value(0, 1), 1e-16);
    }

    @Test
    void identicalBytesForOneTwoThreeShardsInProcessAndOnTheEngine() {
        for (Parameterisation p : Parameterisation.values()) {
            CoordinateSpec spec = new CoordinateSpec(recipe(p, p == Parameterisation.LINEAR ? 0 : 0.3, 0.05, 2),
                    Y, p == Parameterisation.EGU ? LossKind.SQUARE : LossKind.LOGISTIC, 60, new long[] {1, 7, 30});
            List<String> reference = null;
            for (int shards = 1; shards <= 3; shards++) {
                for (boolean engine : new boolean[] {false, true}) {
                    if (engine && shards == 2) {
                        continue; // the engine is exercised at 1 and 3 shards; keeps the test short
                    }
                    List<String> seen = new ArrayList<>();
                    StepOutcome o = engine
                            ? CoordinatePopulation.run(spec, r -> seen.add(bytes(r)), shards, () -> false)
                            : CoordinatePopulation.runInProcess(spec, r -> seen.add(bytes(r)), shards, () -> false);
                    assertEquals(StepStatus.COMPLETED, o.status(), o.message());
                    assertEquals(5, seen.size());
                    if (reference == null) {
                        reference = seen;
                    } else {
                        assertEquals(reference, seen, p + ": " + shards + " shards, engine " + engine);
                    }
                }
            }
        }
    }

    private static String bytes(CoordinateReport r) {
        StringBuilder s = new StringBuilder().append(r.step()).append(':')
                .append(Long.toHexString(Double.doubleToRawLongBits(r.loss())));
        for (double w : r.weights()) {
            s.append(',').append(Long.toHexString(Double.doubleToRawLongBits(w)));
        }
        return s.toString();
    }

    @Test
    void aTooLargeStepDivergesWithAMessage() {
        CoordinateSpec spec = new CoordinateSpec(recipe(Parameterisation.LINEAR, 0, 50, 4), Y, LossKind.SQUARE,
                5000, new long[0]);
        StepOutcome o = CoordinatePopulation.runInProcess(spec, r -> { }, 2, () -> false);
        assertEquals(StepStatus.DIVERGED, o.status());
        assertEquals(true, o.message().contains("step size"));
    }

    @Test
    void reportedOutputsAreXTimesTheReportedWeights() {
        CoordinateRecipe r = recipe(Parameterisation.SIGNED_SQUARES, 0.2, 0.05, 3);
        List<CoordinateReport> seen = new ArrayList<>();
        CoordinatePopulation.runInProcess(new CoordinateSpec(r, Y, LossKind.SQUARE, 20, new long[0]), seen::add, 2,
                () -> false);
        CoordinateReport last = seen.get(seen.size() - 1);
        double[] z = new double[6];
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 13; i++) {
                z[j] += r.x()[j * 13 + i] * last.weights()[i];
            }
        }
        assertArrayEquals(z, last.outputs(), 1e-14);
    }
}
