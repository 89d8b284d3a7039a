package org.ensemble.kernel;

import com.aparapi.Kernel;

/** A one-line double-precision kernel: if it builds and runs on a device, the device has fp64. */
final class Fp64Probe extends Kernel {
    double[] out = new double[64];

    @Override
    public void run() {
        int i = getGlobalId();
        out[i] = Math.sqrt((double) i + 0.5) * 1.0000000000000002;
    }
}
