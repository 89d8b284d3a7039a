package org.ensemble.kernel;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;

/**
 * Resolves a requested backend against what this machine has and makes steppers for it. Explicit
 * requests that cannot be met fail with {@link BackendUnavailableException}; {@code auto} never
 * fails.
 */
public final class Steppers {
    /** The backend chosen for a run and, for OpenCL, the device. */
    public record Resolved(Backend backend, OpenCLDevice device, String reason) {
        /** The device in words, for logs and summaries (independent of shard and thread counts). */
        public String deviceDescription() {
            return switch (backend) {
                case JAVA -> "java: tiled loop on the JVM's threads";
                case APARAPI_JTP -> "aparapi-jtp: Aparapi Java thread pool";
                case APARAPI_OPENCL -> "aparapi-opencl: " + device.getOpenCLPlatform().getName() + " / "
                        + device.getName();
                case AUTO -> "auto";
            };
        }

        public SlabStepper create(LangevinSetup setup) {
            return switch (backend) {
                case JAVA -> new TiledLangevinStepper(setup);
                case APARAPI_JTP -> new AparapiLangevinStepper(setup, com.aparapi.device.JavaDevice.THREAD_POOL);
                case APARAPI_OPENCL -> new AparapiLangevinStepper(setup, device);
                case AUTO -> throw new IllegalStateException("auto is resolved before use");
            };
        }
    }

    private Steppers() {
    }

    /** Which passes the java backend runs here: the Vector API's or the scalar ones (same bits). */
    public static String javaPasses() {
        return TilePasses.create().name();
    }

    public static Resolved resolve(Backend requested, LangevinSetup setup) {
        boolean kernelCapable = setup.kernelCapable() && setup.dimension() <= 3;
        switch (requested) {
            case JAVA:
                return new Resolved(Backend.JAVA, null, "requested");
            case APARAPI_JTP:
                requireKernel(kernelCapable, setup, requested);
                return new Resolved(Backend.APARAPI_JTP, null, "requested");
            case APARAPI_OPENCL: {
                requireKernel(kernelCapable, setup, requested);
                if (Devices.openCl().isEmpty()) {
                    throw new BackendUnavailableException("backend aparapi-opencl: no OpenCL device found. Install an"
                            + " OpenCL runtime (e.g. apt-get install ocl-icd-libopencl1 pocl-opencl-icd for CPUs,"
                            + " or a GPU driver) and check with 'ensemble devices'");
                }
                OpenCLDevice d = Devices.bestOpenCl(true);
                if (d == null) {
                    throw new BackendUnavailableException("backend aparapi-opencl: no OpenCL device runs"
                            + " double-precision kernels (fp64); see 'ensemble devices'");
                }
                return new Resolved(Backend.APARAPI_OPENCL, d, "requested");
            }
            default: {
                if (!kernelCapable) {
                    return new Resolved(Backend.JAVA, null, "auto: user potential or d > 3 runs on java");
                }
                OpenCLDevice gpu = Devices.bestOpenCl(false);
                if (gpu != null) {
                    return new Resolved(Backend.APARAPI_OPENCL, gpu, "auto: OpenCL GPU/accelerator with fp64");
                }
                return new Resolved(Backend.JAVA, null, "auto: no OpenCL GPU or accelerator with fp64");
            }
        }
    }

    private static void requireKernel(boolean capable, LangevinSetup setup, Backend b) {
        if (!capable) {
            throw new BackendUnavailableException("backend " + b.key() + " needs a built-in potential of dimension"
                    + " ≤ 3 and no pair interaction; " + setup.potential().name() + " (dimension " + setup.dimension()
                    + ") runs on backend java");
        }
    }
}
