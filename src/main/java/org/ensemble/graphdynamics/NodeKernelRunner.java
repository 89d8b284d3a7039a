package org.ensemble.graphdynamics;

import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.kernel.KernelManager;
import java.util.LinkedHashSet;
import java.util.List;
import org.ensemble.kernel.Backend;
import org.ensemble.kernel.BackendUnavailableException;
import org.ensemble.kernel.Devices;
import org.ensemble.random.Ziggurat;

/**
 * Runs {@link NodeKernel} for one shard of a built-in rule on its backend: {@code java} calls the
 * per-node method in a loop on the shard's thread; {@code aparapi-jtp} executes the kernel on
 * Aparapi's Java thread pool; {@code aparapi-opencl} on the best OpenCL device with fp64 (a GPU,
 * else a CPU through PoCL). Aparapi silently runs a kernel in the thread pool when OpenCL
 * compilation fails: checked after every launch, and refused, as for the Langevin kernel.
 */
final class NodeKernelRunner implements AutoCloseable {
    private static final int LOCAL = 64;
    private static final double[] NONE = {0.0};

    private final NodeKernel kernel = new NodeKernel();
    /** null: the java backend. */
    private final Device device;
    private final String description;

    NodeKernelRunner(NodeRecipe recipe, int first, int size, double[] omega, double[] couplings, int[] source,
                     Backend backend) {
        NodeDynamics d = recipe.dynamics();
        if (d.update() != null) {
            throw new BackendUnavailableException("rule " + d.rule().key() + " has an update class: it runs on the"
                    + " java loop, not the node kernel");
        }
        kernel.omega = omega;
        kernel.couplings = couplings;
        kernel.size = size;
        kernel.first = first;
        kernel.nodes = recipe.nodes();
        kernel.complete = recipe.complete() ? 1 : 0;
        int[] offsets = new int[size + 1];
        if (!recipe.complete()) {
            int[] off = recipe.graph().offsets();
            for (int l = 0; l <= size; l++) {
                offsets[l] = off[first + l] - off[first];
            }
        }
        kernel.offsets = offsets;
        kernel.source = source.length == 0 ? new int[1] : source;
        double[] w = recipe.complete() ? null : recipe.graph().weights();
        kernel.weighted = w == null ? 0 : 1;
        // the kernel indexes weights by the shard's edge number from 0, the graph by its own
        kernel.weights = w == null ? NONE : java.util.Arrays.copyOfRange(w, recipe.graph().offsets()[first],
                recipe.graph().offsets()[first + size]);
        kernel.kuramoto = d.rule() == NodeRule.KURAMOTO ? 1 : 0;
        kernel.periodic = d.periodic() ? 1 : 0;
        kernel.dt = d.dt();
        kernel.noiseScale = d.noiseScale();
        kernel.seed = d.seed();
        kernel.zx = Ziggurat.tableX();
        kernel.zk = Ziggurat.tableK();
        kernel.zf = Ziggurat.tableF();
        this.device = switch (backend) {
            case JAVA -> null;
            case APARAPI_JTP -> JavaDevice.THREAD_POOL;
            case APARAPI_OPENCL -> {
                OpenCLDevice cl = Devices.bestOpenCl(true);
                if (cl == null) {
                    throw new BackendUnavailableException("backend aparapi-opencl: no OpenCL device with fp64 here"
                            + " (see ensemble devices); use backend = java or aparapi-jtp");
                }
                yield cl;
            }
            case AUTO -> throw new BackendUnavailableException("graph dynamics takes backend java, aparapi-jtp or"
                    + " aparapi-opencl, not auto");
        };
        this.description = device == null ? "java" : device instanceof OpenCLDevice cl
                ? "aparapi-opencl: " + cl.getOpenCLPlatform().getName() + " / " + cl.getName() : "aparapi-jtp";
        if (device != null) {
            KernelManager.instance().setPreferredDevices(kernel, new LinkedHashSet<>(List.of(device)));
        }
    }

    /** Step {@code k} → k + 1: {@code next} from {@code x} and the field (halo states or population sums). */
    void step(double[] x, double[] next, double[] field, long k) {
        kernel.x = x;
        kernel.next = next;
        kernel.field = field.length == 0 ? NONE : field;
        kernel.step = k;
        int size = kernel.size;
        if (device == null) {
            for (int l = 0; l < size; l++) {
                kernel.stepNode(l);
            }
            return;
        }
        if (size == 0) {
            return;
        }
        Range range = device.createRange(((size + LOCAL - 1) / LOCAL) * LOCAL, LOCAL);
        kernel.execute(range);
        if (device instanceof OpenCLDevice && (!kernel.isRunningCL()
                || KernelManager.instance().getPreferences(kernel).getFailedDevices().contains(device))) {
            throw new BackendUnavailableException("the node kernel did not run on OpenCL device " + description
                    + ": Aparapi fell back to the Java thread pool (see its log above for the OpenCL build"
                    + " error); use backend = java or aparapi-jtp");
        }
    }

    String device() {
        return description;
    }

    @Override
    public void close() {
        if (device != null) {
            kernel.dispose();
        }
    }
}
