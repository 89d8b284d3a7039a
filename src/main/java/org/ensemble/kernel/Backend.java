package org.ensemble.kernel;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where bulk updates run. */
public enum Backend {
    /** Plain Java, tiled step-major loop; the oracle. */
    JAVA("java"),
    /** Aparapi's Java thread pool executing the kernel's bytecode. */
    APARAPI_JTP("aparapi-jtp"),
    /** Aparapi → OpenCL (a GPU, or a CPU through PoCL). */
    APARAPI_OPENCL("aparapi-opencl"),
    /** An OpenCL GPU or accelerator with fp64 if there is one, else {@link #JAVA}. */
    AUTO("auto");

    private final String key;

    Backend(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Backend parse(String s) {
        for (Backend b : values()) {
            if (b.key.equals(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + s + "'; expected one of "
                + Arrays.stream(values()).map(Backend::key).collect(Collectors.joining(", ")));
    }
}
