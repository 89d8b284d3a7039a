package org.ensemble.failures;

/** A success count out of n runs with Wilson's 95% interval (inside [0, 1], not empty at 0 or n successes). */
record Proportion(int successes, int runs) {
    double rate() {
        return successes / (double) runs;
    }

    double low() {
        return bounds()[0];
    }

    double high() {
        return bounds()[1];
    }

    private double[] bounds() {
        double z = 1.96;
        double p = rate();
        double centre = (p + z * z / (2 * runs)) / (1 + z * z / runs);
        double half = z / (1 + z * z / runs) * Math.sqrt(p * (1 - p) / runs + z * z / (4.0 * runs * runs));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
