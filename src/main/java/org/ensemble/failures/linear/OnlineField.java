package org.ensemble.failures.linear;

/**
 * The broadcast field of an online order, as its four numbers: the example to update on (−1: none),
 * the loss derivative c at its prediction, the example whose prediction to answer (−1: none), and
 * the divisor every weight takes after the update (EG's mass of the step before; else 1).
 */
record OnlineField(int example, double coefficient, int next, double divide) {
    static OnlineField of(double[] f) {
        if (f == null || f.length != 4) {
            throw new IllegalArgumentException("an online order's field has 4 numbers");
        }
        return new OnlineField((int) f[0], f[1], (int) f[2], f[3]);
    }

    double[] encode() {
        return new double[] {example, coefficient, next, divide};
    }
}
