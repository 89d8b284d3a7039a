package org.ensemble.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ensemble.langevin.ObservationSpec;
import org.ensemble.langevin.RunPlan;
import org.ensemble.kernel.EscapeTargets;
import org.ensemble.kernel.LangevinSetup;
import org.ensemble.population.GaussianInitial;
import org.ensemble.population.InitialCondition;
import org.ensemble.population.PointInitial;
import org.ensemble.population.UniformInitial;
import org.ensemble.potential.Potential;
import org.ensemble.scenario.Scenario;
import org.ensemble.scenario.TargetSpec;
import org.ensemble.theory.Minimizer;
import org.ensemble.theory.StationaryPoint;
import org.ensemble.theory.TransitionAnalysis;
import org.ensemble.theory.TransitionEstimate;
import org.ensemble.dynamics.LangevinType;
import org.ensemble.meanfield.DesaiZwanzig;
import org.ensemble.meanfield.FokkerPlanck1D;
import org.ensemble.meanfield.FokkerPlanck2D;
import org.ensemble.meanfield.PdeBeside;
import org.ensemble.meanfield.PdeComparison;
import org.ensemble.meanfield.PdeComparison2D;
import org.ensemble.meanfield.SwitchingObserver;
import org.ensemble.scenario.PdeSpec;

/**
 * Turns a scenario into what the engine runs: the stepping setup (basin targets resolved to
 * balls around their located minima), the observation spec (histogram ranges defaulted around
 * the points that matter, basins of the start and target minima for occupancy) and the theory
 * to compare with.
 */
public record RunSetup(Scenario scenario, LangevinSetup langevin, ObservationSpec observation, RunPlan plan,
                       Optional<TransitionEstimate> theory, String theoryNote) {

    public static RunSetup of(Scenario s) {
        Potential v = s.potential().potential();
        int d = v.dimension();
        double[] start = center(s.init());
        EscapeTargets targets = new EscapeTargets(d);
        List<double[]> targetPoints = new ArrayList<>();
        for (TargetSpec t : s.targets()) {
            if (t instanceof TargetSpec.HalfSpace h) {
                targets.halfSpace(h.name(), h.axis(), h.threshold(), h.above());
                double[] p = start.clone();
                p[h.axis()] = h.threshold() + (h.above() ? 0.5 : -0.5);
                targetPoints.add(p);
            } else if (t instanceof TargetSpec.Ball b) {
                targets.ball(b.name(), b.center(), b.radius());
                targetPoints.add(b.center());
            } else if (t instanceof TargetSpec.Basin b) {
                StationaryPoint m;
                try {
                    m = Minimizer.minimumFrom(v, b.near());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("escape target " + b.name() + ": no minimum found by descent from "
                            + java.util.Arrays.toString(b.near()) + ": " + e.getMessage());
                }
                targets.ball(b.name(), m.x(), b.radius());
                targetPoints.add(m.x());
            }
        }
        LangevinSetup setup = org.ensemble.langevin.LangevinSpec.setupOf(s, targets);

        Optional<TransitionEstimate> theory = Optional.empty();
        String note = "no escape target";
        if (!targetPoints.isEmpty()) {
            try {
                Double threshold = null;
                if (d == 1 && s.targets().size() == 1 && s.targets().get(0) instanceof TargetSpec.HalfSpace h
                        && !s.interacting() && s.dynamics().type()
                        == LangevinType.OVERDAMPED && s.init() instanceof PointInitial) {
                    threshold = h.threshold();
                }
                // With a 1-D threshold, also the exact MFPT of the Euler–Maruyama chain at this dt: the value a
                // simulation should match within its SE (the continuous one differs by the dt bias).
                theory = TransitionAnalysis.analyze(v, s.dynamics().beta(), start, targetPoints.get(0), threshold,
                        threshold == null ? null : s.dynamics().dt());
                if (s.dynamics().type() == LangevinType.UNDERDAMPED) {
                    double gamma = s.dynamics().friction();
                    theory = theory.map(t -> t.forUnderdamped(gamma));
                }
                note = theory.isPresent() ? "ok" : "start and target lie in the same basin";
            } catch (RuntimeException e) {
                note = "theory unavailable: " + e.getMessage();
            }
        }
        checkStability(s, v, start);
        List<double[]> minima = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (theory.isPresent()) {
            minima.add(theory.get().start().x());
            names.add("start");
            minima.add(theory.get().end().x());
            names.add(s.targets().get(0).name());
        }
        double[] lo = new double[d];
        double[] hi = new double[d];
        if (s.histogramRange().isPresent()) {
            for (int c = 0; c < d; c++) {
                lo[c] = s.histogramRange().get()[c][0];
                hi[c] = s.histogramRange().get()[c][1];
            }
        } else {
            List<double[]> pts = new ArrayList<>(targetPoints);
            pts.add(start);
            for (int c = 0; c < d; c++) {
                lo[c] = Double.POSITIVE_INFINITY;
                hi[c] = Double.NEGATIVE_INFINITY;
                for (double[] p : pts) {
                    lo[c] = Math.min(lo[c], p[c] - 1);
                    hi[c] = Math.max(hi[c], p[c] + 1);
                }
            }
        }
        ObservationSpec obs = new ObservationSpec(d, lo, hi, s.histogramBins(), Math.min(s.histogramBins(), 100),
                s.quantiles(), minima, names, targets.names(), s.absorbing(), s.pde().isPresent(),
                s.pairInteraction().orElse(null));
        RunPlan plan = new RunPlan(s.totalSteps(), s.reportEverySteps(), s.dynamics().dt(), s.interacting());
        return new RunSetup(s, setup, obs, plan, theory, note);
    }

    /**
     * Explicit Euler–Maruyama is unstable where dt·λ_max(∇²V) > 2; refuse a step that is unstable
     * already at the minimum the particles start in (they could only diverge or jump about), so the
     * user hears it before a long run rather than after.
     */
    static void checkStability(Scenario s, Potential v, double[] start) {
        if (s.dynamics().type() != LangevinType.OVERDAMPED) {
            return;
        }
        double lambda;
        try {
            StationaryPoint m = Minimizer.minimumFrom(v, start);
            double[] ev = m.eigenvalues();
            lambda = ev[ev.length - 1];
        } catch (RuntimeException e) {
            return; // no minimum to judge by
        }
        double dt = s.dynamics().dt();
        if (dt * lambda >= 2) {
            String file = fileOf(s);
            throw new IllegalArgumentException(String.format("%s: dynamics.dt: expected < 2/λ_max = %.4g (explicit"
                    + " Euler–Maruyama is unstable beyond it; λ_max = %.4g is the largest Hessian eigenvalue at the"
                    + " start minimum), got %s", file, 2 / lambda, lambda, dt));
        }
    }

    /**
     * The PDE beside the particles, started from the particles' initial law: Gaussian exactly, a
     * point as a Gaussian two cells wide (a grid cannot hold a Dirac mass), uniform exactly.
     */
    public Optional<PdeBeside> pdeComparison() {
        if (scenario.pde().isEmpty()) {
            return Optional.empty();
        }
        PdeSpec p = scenario.pde().get();
        InitialCondition init = scenario.init();
        if (p.dimension() == 2) {
            FokkerPlanck2D pde = new FokkerPlanck2D(scenario.potential().potential(), scenario.dynamics().beta(),
                    scenario.meanAttraction().orElse(0.0), scenario.pairInteraction().orElse(null), p.low(), p.high(),
                    p.cells());
            double h = Math.max(p.high()[0] - p.low()[0], p.high()[1] - p.low()[1]) / p.cells();
            if (init instanceof GaussianInitial g && g.sd()[0] > 0 && g.sd()[1] > 0) {
                pde.startGaussian(g.mean(), g.sd());
            } else if (init instanceof UniformInitial) {
                throw new IllegalArgumentException(fileOf(scenario) + ": pde: a uniform start is implemented in 1-D"
                        + " only, got population.init.uniform with a 2-D pde");
            } else {
                pde.startGaussian(center(init), new double[] {2 * h, 2 * h});
            }
            return Optional.of(new PdeComparison2D(pde, p.dt()));
        }
        FokkerPlanck1D pde = new FokkerPlanck1D(scenario.potential().potential(), scenario.dynamics().beta(),
                scenario.meanAttraction().orElse(0.0), scenario.pairInteraction().orElse(null), p.low()[0],
                p.high()[0], p.cells());
        double h = (p.high()[0] - p.low()[0]) / p.cells();
        if (init instanceof GaussianInitial g && g.sd()[0] > 0) {
            pde.startGaussian(g.mean()[0], g.sd()[0]);
        } else if (init instanceof UniformInitial u) {
            pde.startUniform(u.low()[0], u.high()[0]);
        } else {
            pde.startGaussian(center(init)[0], 2 * h);
        }
        return Optional.of(new PdeComparison(pde, p.dt(), scenario.runTime()));
    }

    /**
     * For {@code observe.switching = true} in the Desai–Zwanzig model: an observer of the
     * population mean's switches with hysteresis at m*(β)/2.
     */
    public java.util.Optional<SwitchingObserver> switchingObserver() {
        if (!scenario.switching()) {
            return java.util.Optional.empty();
        }
        double theta = scenario.meanAttraction().orElse(0.0);
        double mStar = theta > 0 ? new DesaiZwanzig(theta).magnetization(
                scenario.dynamics().beta()) : 0;
        if (!(mStar > 0)) {
            throw new IllegalArgumentException(fileOf(scenario) + ": observe.switching: expected a Desai–Zwanzig"
                    + " scenario above β_c (interaction mean-attraction, m* > 0)");
        }
        return java.util.Optional.of(new SwitchingObserver(mStar / 2));
    }

    /** The file errors name, as the loader's do; a scenario read from text has only its name. */
    static String fileOf(Scenario s) {
        return s.source() == null ? s.name() : s.source().toString();
    }

    static double[] center(InitialCondition init) {
        if (init instanceof PointInitial p) {
            return p.point();
        }
        if (init instanceof GaussianInitial g) {
            return g.mean();
        }
        UniformInitial u = (UniformInitial) init;
        double[] c = new double[u.low().length];
        for (int i = 0; i < c.length; i++) {
            c[i] = 0.5 * (u.low()[i] + u.high()[i]);
        }
        return c;
    }
}
