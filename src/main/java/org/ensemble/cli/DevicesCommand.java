package org.ensemble.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.ensemble.kernel.Devices;
import picocli.CommandLine.Command;

@Command(name = "devices", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "List the OpenCL devices Aparapi sees and whether they run fp64 kernels.")
final class DevicesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("java          always available (tiled loop; " + Runtime.getRuntime().availableProcessors()
                + " processors)");
        System.out.println("aparapi-jtp   always available (Aparapi Java thread pool)");
        List<Devices.DeviceInfo> devices = Devices.describe();
        if (devices.isEmpty()) {
            System.out.println("aparapi-opencl: no OpenCL device found (install ocl-icd-libopencl1 and pocl-opencl-icd,"
                    + " or a GPU driver)");
        }
        for (Devices.DeviceInfo d : devices) {
            System.out.printf("aparapi-opencl %s / %s  type=%s  compute units=%d  memory=%.1f GiB  fp64=%s%n",
                    d.platform(), d.name(), d.type(), d.computeUnits(), d.globalMemory() / 1073741824.0,
                    d.fp64() ? "yes" : "no");
        }
        System.out.println("auto picks: " + (Devices.bestOpenCl(false) != null
                ? "aparapi-opencl (GPU/accelerator with fp64)" : "java (no OpenCL GPU or accelerator with fp64)"));
        return 0;
    }
}
