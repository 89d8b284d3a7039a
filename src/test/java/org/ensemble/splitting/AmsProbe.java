package org.ensemble.splitting;

import java.util.List;
import org.ensemble.potential.DoubleWellPotential;
import org.ensemble.theory.ExactCommittor1D;

/** Scratch timing probe (not a test). */
public class AmsProbe {
    public static void main(String[] args) {
        double beta = Double.parseDouble(args[0]);
        int n = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        double dt = Double.parseDouble(args[3]);
        int k = Integer.parseInt(args[4]);
        DoubleWellPotential v = new DoubleWellPotential(0);
        AmsSpec spec = new AmsSpec(v, new double[] {beta}, dt, 7, n, k, runs, new double[] {-0.9}, 0, -1, 1, !args[5].equals("0"),
                10_000_000, 1, 1024);
        long t0 = System.nanoTime();
        List<AmsRunResult> res = AmsCore.run(spec);
        double s = 0, s2 = 0, cost = 0, it = 0, dir = 0;
        for (AmsRunResult r : res) { s += r.p(); s2 += r.p() * r.p(); cost += r.cost(); it += r.iterations(); dir += r.directSteps(); }
        int R = res.size();
        double mean = s / R, sd = Math.sqrt((s2 / R - mean * mean) * R / (R - 1));
        double exact = ExactCommittor1D.committor(v, beta, -1, 1, -0.9);
        System.out.println(AmsEstimate.of(beta, res, n, ExactCommittor1D.committor(v, beta, -1, 1, -0.9)));
        System.out.printf("beta=%s exact=%.4e mean=%.4e se=%.3e z=%.2f relsd/run=%.3f ideal=%.3f cost/run=%.3g it/run=%.0f direct=%.0f  %.1fs%n",
            beta, exact, mean, sd / Math.sqrt(R), (mean - exact) / (sd / Math.sqrt(R)), sd / mean, Math.sqrt(Math.pow(exact, -1.0 / n) - 1),
            cost / R, it / R, dir / R, (System.nanoTime() - t0) / 1e9);
    }
}
