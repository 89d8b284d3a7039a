package org.ensemble.kernel;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.kernel.KernelManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenCL devices Aparapi sees, whether each runs double-precision kernels, and the choice of
 * a backend's device. {@code auto} takes a GPU or accelerator with fp64 and otherwise the plain
 * Java path, not a CPU OpenCL device: on CPUs (PoCL) the tiled Java loop was faster here.
 */
public final class Devices {
    /** One OpenCL device as listed by {@code ensemble devices}. */
    public record DeviceInfo(String platform, String name, String type, int computeUnits, long globalMemory,
                             boolean fp64) {
    }

    private static final Map<Long, Boolean> FP64 = new ConcurrentHashMap<>();
    /**
     * Aparapi logs "Check your environment. Failed to load … opencl native library" at SEVERE (two
     * lines on stderr) when a machine has no OpenCL library. Here that is normal — the java backend
     * runs — so that one record is dropped; Aparapi's other messages pass. Its logger is named
     * {@code com.aparapi.logLevel} (Aparapi's {@code Config.getLoggerName()}); held in a field because
     * java.util.logging keeps loggers only weakly. Call before any Aparapi class loads.
     */
    private static final java.util.logging.Logger APARAPI = java.util.logging.Logger.getLogger("com.aparapi.logLevel");

    public static void quietMissingOpenCl() {
        APARAPI.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Check your environment"));
    }

    static {
        quietMissingOpenCl();
    }

    private Devices() {
    }

    /** OpenCL devices, empty when there is no OpenCL runtime (never throws). */
    public static List<OpenCLDevice> openCl() {
        try {
            return new ArrayList<>(OpenCLDevice.listDevices(null));
        } catch (Throwable e) {
            // No libOpenCL.so, no ICD, or Aparapi's native library refused to load.
            return List.of();
        }
    }

    public static List<DeviceInfo> describe() {
        List<DeviceInfo> out = new ArrayList<>();
        for (OpenCLDevice d : openCl()) {
            out.add(new DeviceInfo(d.getOpenCLPlatform().getName(), d.getName(), String.valueOf(d.getType()),
                    d.getMaxComputeUnits(), d.getGlobalMemSize(), hasFp64(d)));
        }
        return out;
    }

    /** Runs {@link Fp64Probe} on the device once and remembers the answer. */
    public static boolean hasFp64(OpenCLDevice device) {
        return FP64.computeIfAbsent(device.getDeviceId(), id -> {
            Fp64Probe probe = new Fp64Probe();
            try {
                KernelManager.instance().setPreferredDevices(probe, new LinkedHashSet<>(List.of(device)));
                probe.execute(device.createRange(64, 64));
                boolean ok = probe.isRunningCL()
                        && !KernelManager.instance().getPreferences(probe).getFailedDevices().contains(device)
                        && probe.out[3] == Math.sqrt(3.5) * 1.0000000000000002;
                return ok;
            } catch (Throwable e) {
                return false;
            } finally {
                probe.dispose();
            }
        });
    }

    /** The first OpenCL device with fp64, preferring GPUs and accelerators; null if none. */
    public static OpenCLDevice bestOpenCl(boolean allowCpu) {
        OpenCLDevice cpu = null;
        for (OpenCLDevice d : openCl()) {
            if (!hasFp64(d)) {
                continue;
            }
            if (d.getType() == Device.TYPE.GPU || d.getType() == Device.TYPE.ACC) {
                return d;
            }
            if (cpu == null) {
                cpu = d;
            }
        }
        return allowCpu ? cpu : null;
    }

}
