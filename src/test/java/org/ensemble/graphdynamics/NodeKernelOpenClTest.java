package org.ensemble.graphdynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.ensemble.graph.Graph;
import org.ensemble.graph.GraphGenerators;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.Devices;
import org.ensemble.step.Granularity;
import org.ensemble.step.ShardRange;
import org.ensemble.step.StepOutcome;
import org.ensemble.step.StepStatus;
import org.junit.jupiter.api.Test;

/**
 * The node kernel translated to OpenCL (PoCL on CI, a GPU where there is one) against the java
 * backend: the same counters give the same Gaussians, so states agree to round-off over a short
 * noisy Kuramoto run on G(n, p) with halos — OpenCL's sin may differ from Java's in the last bit and
 * a·b + c may be contracted to an FMA, so not bit for bit. Skipped without an OpenCL device with
 * fp64, unless ENSEMBLE_REQUIRE_OPENCL=1.
 */
class NodeKernelOpenClTest {
    @Test
    void statesAgreeToRoundOff() {
        boolean required = "1".equals(System.getenv("ENSEMBLE_REQUIRE_OPENCL"));
        boolean present = Devices.bestOpenCl(true) != null;
        assertTrue(present || !required, "ENSEMBLE_REQUIRE_OPENCL=1 but no OpenCL device with fp64: "
                + Devices.describe());
        assumeTrue(present, "no OpenCL device with fp64 (install pocl-opencl-icd); skipping");
        Graph g = GraphGenerators.erdosRenyi(3000, 8.0 / 2999, 4);
        NodeDynamics d = new NodeDynamics(NodeRule.KURAMOTO, 2, Normalisation.MEAN_DEGREE, 0.5, 0.01, 0.3, 0.2, 0,
                true, 5);
        double[] java = last(g, d, Backend.JAVA);
        double[] cl = last(g, d, Backend.APARAPI_OPENCL);
        assertEquals(java.length, cl.length);
        double max = 0;
        for (int i = 0; i < java.length; i++) {
            double diff = Math.abs(java[i] - cl[i]);
            max = Math.max(max, Math.min(diff, 2 * Math.PI - diff)); // phases: a wrap at 0 ≡ 2π is no difference
        }
        // ≤ 1 ulp per sin and step, grown over 100 steps by at most e^{K·t} = e^2: far below 1e-9
        assertTrue(max < 1e-9, "max |Δθ| = " + max);
    }

    private static double[] last(Graph g, NodeDynamics d, Backend backend) {
        List<ShardRange> ranges = NodePopulation.ranges(g.nodes(), 1024, 2, Granularity.BLOCK);
        NodeRecipe recipe = NodeRecipe.of(g, g.nodes(), d, 1024, ranges, backend);
        NodeTrace t = new NodeTrace(100);
        StepOutcome o = NodePopulation.runInProcess(recipe, ranges, new NodeReducer(recipe, 100, 100, t), () -> false);
        assertEquals(StepStatus.COMPLETED, o.status(), o.message());
        return t.rows.get(t.rows.size() - 1);
    }
}
