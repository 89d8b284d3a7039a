package org.ensemble.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.gnn.GnnForward;
import org.ensemble.gnn.GnnStudyResult;
import org.ensemble.output.RunDirectory;
import org.ensemble.run.EscapeRun;
import org.ensemble.scenario.GnnScenario;
import org.ensemble.scenario.GnnScenarioLoader;
import org.ensemble.step.Granularity;
import org.ensemble.step.StopRequest;

/**
 * {@code ensemble run} for GNN scenarios: one study into a staged run directory (scenario.conf,
 * summary.json — which depends only on the scenario and seed — run.json with what may differ
 * between equal runs, CSV tables, plots), committed when complete.
 */
final class GnnCommand {
    private GnnCommand() {
    }

    static int run(Path file, List<String> overrides, Path out, boolean quiet, boolean plots,
                   org.ensemble.checkpoint.Checkpoint resume) {
        GnnScenario s = GnnScenarioLoader.load(file, overrides);
        if (resume != null) {
            throw new IllegalArgumentException(file + ": a GNN study cannot be resumed (it keeps no checkpoints;"
                    + " its forward passes are short); run it again");
        }
        Path dir = out != null ? out : RunCommand.defaultOut(s.name());
        org.ensemble.run.Preflight.outputDirectory(dir);
        try (StopRequest stop = StopRequest.onSignals(); RunDirectory run = RunDirectory.create(dir)) {
            if (!quiet) {
                System.out.println("gnn: " + s.study().key() + " (" + s.execution() + (s.execution().equals("plain") ? ""
                        : ", " + s.shards() + " shards, granularity " + s.granularity()) + ")");
            }
            Granularity g = s.granularity().equals("node") ? Granularity.MEMBER : Granularity.BLOCK;
            GnnForward forward = switch (s.execution()) {
                case "engine" -> GnnForward.engine(s.shards(), g, s.blockSize(), stop);
                case "in-process" -> GnnForward.inProcess(s.shards(), g, s.blockSize(), stop);
                default -> GnnForward.plain();
            };
            long t0 = System.nanoTime();
            GnnStudyResult r;
            try {
                r = s.study().run(s.seed(), forward, line -> {
                    if (!quiet) {
                        System.out.println("  " + line);
                    }
                });
            } catch (GnnForward.GnnRunException e) {
                if (stop.getAsBoolean()) {
                    System.out.println("stopped: " + e.getMessage() + " (nothing committed; run it again)");
                    return stop.exitCode();
                }
                throw new org.ensemble.run.RunFailedException(e.getMessage(), e);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            EscapeRun.write(run.file("scenario.conf"), s.render());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("scenario", s.name());
            summary.put("seed", s.seed());
            summary.put("study", s.study().key());
            summary.putAll(r.summary());
            EscapeRun.json(run.file("summary.json"), summary);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("execution", s.execution());
            info.put("shards", s.shards());
            info.put("granularity", s.granularity());
            info.put("block_size", s.blockSize());
            info.put("wall_seconds", wall);
            info.put("java", System.getProperty("java.version"));
            EscapeRun.json(run.file("run.json"), info);
            List<String> files = r.write(run.staging(), plots);
            Path done = run.commit();
            if (!quiet) {
                r.summary().forEach((k, v) -> System.out.println("  " + k + " = " + v));
            }
            System.out.println("outputs: " + done + "  (summary.json, run.json, " + String.join(", ", files) + ")");
            return 0;
        }
    }
}
