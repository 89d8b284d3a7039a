package org.ensemble.kernel;

import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.kernel.KernelManager;
import java.util.LinkedHashSet;
import java.util.List;
import org.ensemble.dynamics.LangevinDynamics;
import org.ensemble.dynamics.LangevinType;
import org.ensemble.population.ParticleSlab;
import org.ensemble.potential.KernelPotential;
import org.ensemble.random.Ziggurat;

/**
 * Runs {@link LangevinKernel} through Aparapi on one device: the Java thread pool
 * ({@code aparapi-jtp}) or an OpenCL device ({@code aparapi-opencl}). One launch covers a whole
 * chunk of sub-steps for all active particles of the slab (a launch costs 50–150 µs). Aparapi
 * silently runs a kernel in the thread pool when OpenCL compilation fails; this class checks
 * after every launch and throws instead, because a silent 10–100× slowdown or a changed device
 * would make a run's record untrue.
 */
public final class AparapiLangevinStepper implements SlabStepper {
    private static final int LOCAL = 64;

    private final LangevinKernel kernel = new LangevinKernel();
    private final Device device;
    private final String description;

    public AparapiLangevinStepper(LangevinSetup setup, Device device) {
        KernelPotential form = setup.potential().kernelForm().orElseThrow(() -> new BackendUnavailableException(
                "potential " + setup.potential().name() + " has no device form; user potentials run on backend java"));
        if (setup.dimension() > 3) {
            throw new BackendUnavailableException("device kernels handle at most 3 dimensions");
        }
        this.device = device;
        this.description = device instanceof OpenCLDevice cl
                ? "aparapi-opencl: " + cl.getOpenCLPlatform().getName() + " / " + cl.getName()
                : "aparapi-jtp: Java thread pool (" + Runtime.getRuntime().availableProcessors() + " threads)";
        LangevinDynamics d = setup.dynamics();
        kernel.dim = setup.dimension();
        kernel.seed = setup.seed();
        kernel.dynamics = d.type() == LangevinType.UNDERDAMPED ? LangevinKernel.UNDERDAMPED : LangevinKernel.OVERDAMPED;
        kernel.dt = d.dt();
        kernel.noise = d.noise();
        kernel.halfDt = d.halfDt();
        kernel.ouDecay = d.ouDecay();
        kernel.ouNoise = d.ouNoise();
        kernel.potentialType = form.type();
        kernel.potentialParams = padded(form.params(), 1);
        kernel.interaction = setup.interacting() ? LangevinKernel.MEAN_ATTRACTION : LangevinKernel.NO_INTERACTION;
        kernel.theta = setup.theta();
        kernel.fieldMean = new double[3];
        EscapeTargets t = setup.targets();
        kernel.targetCount = t.count();
        kernel.targetType = t.count() == 0 ? new int[1] : t.types();
        kernel.targetParams = padded(t.params(), TargetRegions.STRIDE);
        kernel.absorbing = setup.absorbing() ? 1 : 0;
        kernel.zx = Ziggurat.tableX();
        kernel.zk = Ziggurat.tableK();
        kernel.zf = Ziggurat.tableF();
        LinkedHashSet<Device> preferred = new LinkedHashSet<>(List.of(device));
        KernelManager.instance().setPreferredDevices(kernel, preferred);
    }

    private static double[] padded(double[] a, int min) {
        return a.length >= min ? a : java.util.Arrays.copyOf(a, min);
    }

    @Override
    public String device() {
        return description;
    }

    @Override
    public void advance(ParticleSlab slab, long fromStep, int steps, double[] fieldMean) {
        int count = slab.activeCount();
        if (count == 0 || steps == 0) {
            return;
        }
        kernel.pos = slab.positions();
        kernel.vel = slab.hasVelocities() ? slab.velocities() : new double[1];
        kernel.hitStep = slab.hitSteps();
        kernel.hitTarget = slab.hitTargets();
        kernel.active = slab.active();
        kernel.activeCount = count;
        kernel.n = slab.size();
        kernel.firstId = slab.firstId();
        kernel.fromStep = fromStep;
        kernel.steps = steps;
        if (fieldMean != null) {
            for (int c = 0; c < Math.min(3, fieldMean.length); c++) {
                kernel.fieldMean[c] = fieldMean[c];
            }
        }
        int global = ((count + LOCAL - 1) / LOCAL) * LOCAL;
        Range range = device.createRange(global, LOCAL);
        kernel.execute(range);
        if (device instanceof OpenCLDevice && (!kernel.isRunningCL()
                || KernelManager.instance().getPreferences(kernel).getFailedDevices().contains(device))) {
            throw new BackendUnavailableException("the Langevin kernel did not run on OpenCL device "
                    + description + ": Aparapi fell back to the Java thread pool (see its log above for the"
                    + " OpenCL build error); use --set backend=java or aparapi-jtp");
        }
    }

    /** The configured kernel, for tests that call its per-particle method directly. */
    LangevinKernel kernelForTest() {
        return kernel;
    }

    @Override
    public void close() {
        kernel.dispose();
    }
}
