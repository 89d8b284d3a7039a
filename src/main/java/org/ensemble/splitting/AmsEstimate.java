package org.ensemble.splitting;

import java.util.List;

/**
 * The estimate at one β from its independent AMS runs, beside the exact value.
 *
 * @param p                 mean of the runs' estimates
 * @param se                standard error of that mean (sample sd / sqrt(runs))
 * @param relSdPerRun       the runs' relative sample sd (one run's relative error)
 * @param idealRelSdPerRun  the idealised AMS law sqrt(p^{−1/n} − 1) ≈ sqrt(|ln p|/n) at the exact p
 *                          (at the estimate where there is no exact value)
 * @param sdLogPerRun       sample sd of ln p̂ over the runs (extinct runs left out): the robust form of
 *                          the law, since the sd of p̂ itself is heavy-tailed
 * @param idealSdLogPerRun  the idealised law for it: with k = 1, ln p̂ = M·ln(1 − 1/n), M Poisson(n|ln p|),
 *                          so sd(ln p̂) = sqrt(n|ln p|)·|ln(1 − 1/n)| ≈ sqrt(|ln p|/n)
 * @param z                 (p − exact)/se
 * @param stepsPerRun       particle-steps one AMS run used (mean)
 * @param amsSteps          particle-steps all runs used
 * @param directSteps       particle-steps direct simulation needs for the same relative error:
 *                          (1 − p)/(p·relSE²) trajectories, each as long as a plain one from the start
 */
public record AmsEstimate(double beta, int runs, int replicas, double p, double se, double relSe, double relSdPerRun,
                          double idealRelSdPerRun, double sdLogPerRun, double idealSdLogPerRun,
                          double exact, double z, double stepsPerRun, double amsSteps,
                          double directSteps, double meanIterations, double meanReactiveTime, int extinct) {
    /** Combines the runs at {@code beta} (at least two). */
    public static AmsEstimate of(double beta, List<AmsRunResult> runs, int replicas, double exact) {
        int r = 0;
        double sum = 0;
        double steps = 0;
        double direct = 0;
        double iterations = 0;
        double reactive = 0;
        int reactiveRuns = 0;
        int extinct = 0;
        for (AmsRunResult x : runs) {
            if (x.beta() != beta) {
                continue;
            }
            r++;
            sum += x.p();
            steps += x.cost();
            direct += x.directSteps();
            iterations += x.iterations();
            extinct += x.extinct() ? 1 : 0;
            if (Double.isFinite(x.meanReactiveTime())) {
                reactive += x.meanReactiveTime();
                reactiveRuns++;
            }
        }
        if (r < 2) {
            throw new IllegalArgumentException("an AMS error bar needs at least 2 runs at β = " + beta + ", got " + r);
        }
        double mean = sum / r;
        double ss = 0;
        for (AmsRunResult x : runs) {
            if (x.beta() == beta) {
                ss += (x.p() - mean) * (x.p() - mean);
            }
        }
        double sd = Math.sqrt(ss / (r - 1));
        double logSum = 0;
        double logSs = 0;
        int positive = 0;
        for (AmsRunResult x : runs) {
            if (x.beta() == beta && x.p() > 0) {
                positive++;
                logSum += Math.log(x.p());
            }
        }
        for (AmsRunResult x : runs) {
            if (x.beta() == beta && x.p() > 0) {
                logSs += Math.pow(Math.log(x.p()) - logSum / positive, 2);
            }
        }
        double sdLog = positive > 1 ? Math.sqrt(logSs / (positive - 1)) : Double.NaN;
        double se = sd / Math.sqrt(r);
        double relSe = se / mean;
        double lnP = -Math.log(Double.isFinite(exact) ? exact : mean);
        double ideal = Math.sqrt(Math.expm1(lnP / replicas));
        double idealLog = Math.sqrt(replicas * lnP) * -Math.log1p(-1.0 / replicas);
        double directTrajectories = (1 - mean) / (mean * relSe * relSe);
        return new AmsEstimate(beta, r, replicas, mean, se, relSe, sd / mean, ideal, sdLog, idealLog, exact, (mean - exact) / se,
                steps / r, steps, directTrajectories * direct / r, iterations / r,
                reactiveRuns > 0 ? reactive / reactiveRuns : Double.NaN, extinct);
    }
}
