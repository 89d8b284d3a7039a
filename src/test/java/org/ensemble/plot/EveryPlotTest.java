package org.ensemble.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ensemble.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every plot of every shipped scenario (short runs, the studies, the three kinds of sweep fit, SGD
 * workers, splitting and implicit bias),
 * checked against the house rules on the model read back from each drawn chart: every axis has a
 * title and at least three labelled ticks, every data series a legend entry, every colour bar a
 * title and three labelled ticks. The expected plot names are listed, so a plot that stops being
 * written fails too. Then `ensemble plot` draws each again from its chart data: the same bytes.
 */
class EveryPlotTest {
    @TempDir
    Path tmp;

    /** Each run or sweep: its name under tmp, then the command line. */
    private static final List<List<String>> COMMANDS = List.of(
            run("double-well-escape", "population.size=500", "run.time=40", "backend=java"),
            run("double-well-arrhenius", "population.size=300", "run.time=40", "backend=java"),
            run("muller-brown-escape", "population.size=300", "run.time=20", "backend=java"),
            run("desai-zwanzig-phase-transition", "population.size=1000", "run.time=2", "backend=java"),
            run("desai-zwanzig-switching", "run.time=100", "backend=java"),
            run("mckean-vlasov-vs-pde", "population.size=1000", "run.time=0.6", "backend=java"),
            run("muller-brown-vs-pde", "population.size=1000", "run.time=1", "backend=java"),
            run("pair-kernel-vs-pde", "population.size=1000", "run.time=0.3", "backend=java"),
            run("pair-kernel-2d-vs-pde", "population.size=500", "run.time=0.5", "backend=java"),
            run("mmn-isotropic-gaussians", "network.width=100", "training.time=0.5"),
            run("noisy-sgd-free-energy", "network.width=50", "training.time=1"),
            run("parity-width", "study.values=[4,6]", "study.seeds=[1]", "training.time=1",
                    "parity-gradients.dimensions=[4,5,6]", "parity-gradients.targets=50"),
            run("teacher-student-width", "study.values=[15,30]", "study.seeds=[1,2]", "training.time=1",
                    "observe.test-samples=200"),
            run("parity-fresh-samples", "failures.dimensions=[10,30]", "failures.seeds=[1,2]",
                    "failures.network.steps=200", "failures.gradients.exact-dimensions=[4,6]",
                    "failures.gradients.targets=50"),
            run("linear-periodic", "failures.training-norms=[1,4]", "failures.seeds=[1]",
                    "failures.network.steps=200", "failures.directions=100", "failures.gradient-norms=[1,2,3]"),
            run("end-to-end-vs-decomposition", "failures.blocks=[1,2,3]", "failures.seeds=[1]",
                    "failures.network.steps=200", "failures.snr-samples=4000"),
            sweep("arrhenius-sweep", "double-well-arrhenius", "dynamics.beta=2,3,4", "population.size=300",
                    "run.time=60", "backend=java"),
            sweep("chaos-sweep", "mckean-vlasov-vs-pde", "population.size=300,600,1200", "run.time=0.4",
                    "backend=java"),
            sweep("switching-sweep", "desai-zwanzig-switching", "population.size=20,30,40", "run.time=150",
                    "backend=java"),
            sweep("pitchfork-sweep", "desai-zwanzig-phase-transition", "dynamics.beta=1.2,2.5",
                    "population.size=500", "run.time=4", "run.report-every=0.1", "backend=java"),
            sweep("width-sweep", "mmn-isotropic-gaussians", "network.width=20,40", "training.time=0.3"),
            // SGD workers, rare-event splitting, implicit bias
            run("sgd-stationary-variance", "run.versions=4000", "run.burn-in=200"),
            run("async-sgd-quadratic-staleness", "stability.tau=[0,2]", "stability.versions=2000",
                    "stability.lr.step=0.2"),
            run("async-momentum", "run.versions=5000"),
            run("local-sgd-vs-minibatch", "run.versions=500", "run.burn-in=50"),
            run("easgd-workers", "run.versions=1000", "run.burn-in=100"),
            run("double-well-ams", "dynamics.beta=[8,12]", "splitting.replicas=50", "splitting.runs=4"),
            run("double-well-ams-mfpt", "splitting.replicas=50", "splitting.runs=4"),
            run("double-well-ffs", "dynamics.beta=[8]", "splitting.trials=50", "splitting.runs=4"),
            run("double-well-ams-replicas", "dynamics.beta=8", "splitting.replicas=50",
                    "splitting.replica-study=[20,40]", "splitting.runs=4"),
            run("muller-brown-ams", "dynamics.beta=[1,2]", "splitting.replicas=30", "splitting.runs=4",
                    "committor.cells=48"),
            sweep("ams-sweep", "double-well-ams", "dynamics.dt=2e-3,1e-3", "dynamics.beta=[8]",
                    "splitting.replicas=30", "splitting.runs=4"),
            run("implicit-bias-least-squares"),
            run("implicit-bias-diagonal-networks", "implicit-bias.alphas=[1e-3,1]", "implicit-bias.steps=20000"),
            run("implicit-bias-matrix-factorisation", "implicit-bias.scales=[1,1e-3]", "implicit-bias.steps=2000"),
            run("implicit-bias-max-margin", "implicit-bias.steps=5000"),
            run("lqr-policy-gradient", "implicit-bias.iterations=300", "implicit-bias.sampled-iterations=30"),
            run("hadamard-gd-egu-spindly", "linear-failures.dims=[32]", "linear-failures.samples=4"),
            run("flat-activation", "linear-failures.n=200", "linear-failures.passes=2", "linear-failures.samples=2"),
            run("piecewise-linear-curves", "linear-failures.sizes=[4,6]"),
            run("gnn-aggregation-power", "gnn.weight-seeds=2", "gnn.execution=in-process"),
            run("gnn-influence", "gnn.depth=4", "gnn.weight-seeds=2", "gnn.show-depth=2"),
            run("kuramoto-noise-transition", "graph-dynamics.graph.nodes=300", "graph-dynamics.time=3",
                    "graph-dynamics.relax=1", "graph-dynamics.coupling=[1,3]", "graph-dynamics.pde.times=[0,1,3]",
                    "graph-dynamics.extrapolate-dt=false"),
            run("langevin-edges-desai-zwanzig", "graph-dynamics.graph.nodes=300", "graph-dynamics.time=3",
                    "graph-dynamics.relax=1", "graph-dynamics.coupling=[1,3]", "graph-dynamics.extrapolate-dt=false"),
            run("kuramoto-communities", "graph-dynamics.graph.sizes=[60,40]", "graph-dynamics.graph.p-out=[0,0.05]",
                    "graph-dynamics.time=2", "graph-dynamics.relax=1"));

    private static final Set<String> EXPECTED = Set.of("survival", "histogram-over-time", "histogram-2d",
            "pde-density-2d", "particles-density-2d", "pde-vs-particles", "w2-over-time", "risk",
            "radius-histogram-over-time", "w2-radius-over-time", "radius-density-final", "free-energy",
            "success-rate", "final-risk", "parity-gradient-variance", "arrhenius", "propagation-of-chaos",
            "switching-time", "pitchfork", "loss-over-time", "loss-over-versions", "staleness", "stability",
            "probability", "ratio", "relative-error", "committor-beta-1.0", "sweep-ratio", "distance", "distances", "angle", "angle-log-t", "recovery",
            "cost-gap", "sampled-gradient", "loss", "parity-final-risk", "parity-success-rate", "gradient-variance",
            "gradient-variance-over-r4", "linear-periodic-success-rate", "linear-periodic-final-risk",
            "decomposition-error", "decomposition-success-rate", "gradient-snr",
            "r-of-k", "r-over-time", "phase-histogram", "w1-to-pde", "community-over-time");

    private static List<String> run(String name, String... sets) {
        List<String> a = new ArrayList<>(List.of(name, "run", "scenarios/" + name + ".conf"));
        for (String s : sets) {
            a.add("--set");
            a.add(s);
        }
        return a;
    }

    private static List<String> sweep(String name, String scenario, String vary, String... sets) {
        List<String> a = new ArrayList<>(List.of(name, "sweep", "scenarios/" + scenario + ".conf", "--vary", vary));
        for (String s : sets) {
            a.add("--set");
            a.add(s);
        }
        return a;
    }

    @Test
    void everyPlotKeepsTheHouseRules() throws IOException {
        for (List<String> c : COMMANDS) {
            List<String> args = new ArrayList<>(c.subList(1, c.size()));
            args.addAll(List.of("--no-metrics", "--quiet", "--out", tmp.resolve(c.get(0)).toString()));
            StringWriter err = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(err, true), args.toArray(String[]::new)), c + ": " + err);
        }
        // The β sweep of a Desai–Zwanzig scenario tabulates what it measures, not empty escape columns.
        assertEquals("dynamics.beta,stationary_mean,stationary_mean_se,m_star,beta_c,delta_f",
                Files.readAllLines(tmp.resolve("pitchfork-sweep/sweep.csv")).get(0));
        assertTrue(Files.exists(tmp.resolve("width-sweep/plots/final-risk.png")));
        TreeMap<String, List<String>> problems = new TreeMap<>();
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        int pngs = 0;
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path png : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".png"))::iterator) {
                pngs++;
                String base = png.getFileName().toString().replaceFirst("\\.png$", "");
                names.add(base);
                Path model = png.resolveSibling(base + ".plot.json");
                String where = tmp.relativize(png).toString();
                if (!Files.exists(model)) {
                    problems.put(where, List.of("no plot model beside it"));
                    continue;
                }
                PlotModel pm = json.readValue(model.toFile(), PlotModel.class);
                List<String> p = new ArrayList<>(pm.problems());
                p.addAll(notTextInSvg(pm, png.resolveSibling(base + ".svg")));
                if (!p.isEmpty()) {
                    problems.put(where, p);
                }
            }
        }
        assertTrue(names.containsAll(EXPECTED), "plots not written: " + new TreeSet<>(EXPECTED).stream()
                .filter(n -> !names.contains(n)).toList());
        assertTrue(pngs >= 55, pngs + " plots");
        // `ensemble plot` draws every one of them again from its chart data, byte for byte.
        int redrawn = 0;
        for (List<String> c : COMMANDS) {
            Path from = tmp.resolve(c.get(0));
            Path to = tmp.resolve("redrawn").resolve(c.get(0));
            try (Stream<Path> files = Files.walk(from)) {
                if (files.noneMatch(p -> p.toString().endsWith(".png"))) {
                    continue; // a run that draws nothing (e.g. the AMS renewal MFPT) has nothing to redraw
                }
            }
            StringWriter err = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(err, true), "plot", from.toString(), "--out", to.toString()),
                    c + ": " + err);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path png : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".png"))::iterator) {
                    Path again = to.resolve(from.relativize(png));
                    assertTrue(Files.exists(again), "not redrawn: " + png);
                    assertTrue(java.util.Arrays.equals(Files.readAllBytes(png), Files.readAllBytes(again)),
                            "redrawn plot differs: " + tmp.relativize(png));
                    Path svg = png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", ".svg"));
                    assertEquals(Files.readString(svg), Files.readString(to.resolve(from.relativize(svg))),
                            "redrawn SVG differs: " + tmp.relativize(svg));
                    redrawn++;
                }
            }
        }
        assertEquals(pngs, redrawn);
        System.out.println("EveryPlotTest: " + pngs + " plots; SVG bytes in all: " + svgBytes(tmp));
        assertTrue(problems.isEmpty(), () -> {
            StringBuilder b = new StringBuilder("plots that break the house rules:\n");
            problems.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
            return b.toString();
        });
    }

    /**
     * What the plot shows (title, axis titles, labelled ticks, legend names, colour-bar title and
     * ticks) that its SVG does not hold as a {@code <text>}: text left as glyph outlines. Parsing
     * the SVG also checks that it is well-formed XML.
     */
    private static List<String> notTextInSvg(PlotModel m, Path svg) {
        List<String> texts = new ArrayList<>();
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            org.w3c.dom.NodeList n = f.newDocumentBuilder().parse(svg.toFile())
                    .getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
            for (int i = 0; i < n.getLength(); i++) {
                texts.add(n.item(i).getTextContent());
            }
        } catch (Exception e) {
            return List.of("SVG not readable as XML: " + e.getMessage());
        }
        List<String> shown = new ArrayList<>();
        if (m.title() != null && !m.title().isBlank()) {
            shown.add(m.title());
        }
        for (PlotModel.Axis a : java.util.Arrays.asList(m.x(), m.y())) {
            if (a != null) {
                shown.add(a.title());
                a.tickLabels().stream().filter(t -> !t.isBlank()).forEach(shown::add);
            }
        }
        if (m.legendVisible()) {
            m.series().stream().filter(PlotModel.Entry::inLegend).map(PlotModel.Entry::name).forEach(shown::add);
        }
        if (m.colourBar() != null) {
            shown.add(m.colourBar().title());
            shown.addAll(m.colourBar().tickLabels());
        }
        List<String> missing = new ArrayList<>();
        for (String t : shown) {
            if (t != null && !t.isBlank() && !texts.remove(t)) {
                missing.add("not a <text> in the SVG: '" + t + "'");
            }
        }
        return missing;
    }

    private static long svgBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long n = 0;
            for (Path p : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".svg")
                    && !p.toString().contains("/redrawn/"))::iterator) {
                n += Files.size(p);
            }
            return n;
        }
    }
}
