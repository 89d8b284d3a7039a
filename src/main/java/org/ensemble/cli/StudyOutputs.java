package org.ensemble.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.implicitbias.StudyFiles;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.output.RunDirectory;
import org.ensemble.run.EscapeRun;
import org.ensemble.scenario.PopulationScenario;
import org.ensemble.step.StopRequest;

/**
 * How every study command ends (implicit bias, gradient failures, linear failures, graph dynamics):
 * {@code scenario.conf}; {@code summary.json}, what the study measured — the same bytes for the same
 * scenario and seed, so it holds no wall time; {@code run.json}, what may differ between equal runs
 * (wall time, where it ran); the study's tables and plots; the commit; the console lines; and the
 * exit code (interrupted, diverged, failed or 0).
 */
final class StudyOutputs {
    private StudyOutputs() {
    }

    /** Keys and values in the order given (summaries and run.json keep their keys' order). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * @param header  the summary's first keys (scenario, seed, study, …), before the study's own
     * @param runInfo what run.json adds to the wall time (execution, shards, …)
     */
    static int commit(RunDirectory run, PopulationScenario s, Map<String, Object> header, StudyResult r,
                      Map<String, Object> runInfo, double wallSeconds, boolean plots, boolean quiet, StopRequest stop) {
        EscapeRun.write(run.file("scenario.conf"), s.render());
        Map<String, Object> summary = new LinkedHashMap<>(header);
        summary.putAll(r.summary());
        EscapeRun.json(run.file("summary.json"), summary);
        Map<String, Object> info = new LinkedHashMap<>(runInfo);
        info.put("wall_seconds", wallSeconds);
        info.put("java", System.getProperty("java.version"));
        EscapeRun.json(run.file("run.json"), info);
        List<String> files = StudyFiles.write(r, run.staging(), plots);
        Path done = run.commit();
        if (!quiet) {
            r.summary().forEach((k, v) -> System.out.println("  " + k + " = " + v));
        }
        System.out.println("outputs: " + done + "  (summary.json, run.json, " + String.join(", ", files) + ")");
        if (stop.getAsBoolean()) {
            return stop.exitCode(); // what it measured is committed, with its status
        }
        Object status = r.summary().get("status");
        if (status instanceof String st && !st.equals("completed")) {
            System.err.println("error: " + st);
            return st.startsWith("diverged") ? Main.EXIT_DIVERGED : Main.EXIT_FAILURE;
        }
        return 0;
    }
}
