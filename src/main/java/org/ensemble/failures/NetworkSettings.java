package org.ensemble.failures;

/**
 * The network and SGD settings every run of a study shares: a mean-field two-layer network of {@code width}
 * neurons trained in all of a, w, b on the square loss (1/2)(f − y)², online mini-batches of fresh samples,
 * {@code steps} steps of learning rate {@code lr} (so a budget of steps·batch samples), the held-out risk on
 * {@code testSamples} samples; init w ~ N(0, wScale² I/d), a ~ N(0, aSd²), b ~ N(0, bSd²).
 */
public record NetworkSettings(int width, String activation, double lr, int batch, long steps, int testSamples,
                       double wScale, double aSd, double bSd, int shards) {

    /** Samples seen by one run: steps·batch, each fresh. */
    public long budget() {
        return steps * batch;
    }

    /** A training scenario's text for these settings on {@code data} (a HOCON object body). */
    public String scenario(String name, long seed, String data) {
        return "name = " + name + "\nseed = " + seed + "\nshards = " + shards + "\n"
                + "data { " + data + " }\n"
                + "network { width = " + width + ", activation = " + activation + ", scaling = mean-field,"
                + " loss = square, train = [a, w, b], init { w-scale = " + wScale + ", a = 0, a-sd = " + aSd
                + ", b = 0, b-sd = " + bSd + " } }\n"
                + "training { lr = " + lr + ", batch = " + batch + ", steps = " + steps + " }\n"
                + "observe { report-every = " + steps * lr + ", test-samples = " + testSamples + " }\n";
    }
}
