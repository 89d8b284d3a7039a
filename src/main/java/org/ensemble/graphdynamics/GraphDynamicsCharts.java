package org.ensemble.graphdynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.meanfield.DesaiZwanzig;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The study's charts: r over time, r(K) with ±2 SE against the mean-field curve, the phase law against the PDE, W1. */
final class GraphDynamicsCharts {
    private GraphDynamicsCharts() {
    }

    static Map<String, XYChart> of(GraphStudyParams p, List<GraphDynamicsStudy.PointResult> points, double[] times,
                                   Map<String, double[]> timeSeries, List<List<Object>> hist, List<List<Object>> w1) {
        Map<String, XYChart> out = new LinkedHashMap<>();
        if (times != null && !timeSeries.isEmpty()) {
            boolean mag = p.magnetisation();
            XYChart c = LinePlot.create((mag ? "Magnetisation |m| = |mean of x_i|" : "Order parameter") + " over time ("
                    + p.graphs().get(0).label() + ", N = " + p.nodes() + ", dt = " + p.dt() + ")", "time t",
                    mag ? "magnetisation |m|" : "order parameter r", times, timeSeries, false);
            Overlays.yRange(c, times[0], 0, mag ? Math.max(1, max(timeSeries)) : 1);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            out.put("r-over-time", c);
        }
        if (!points.isEmpty() && p.couplings().length > 1) {
            // against K: one coupling is one point (its value is in r-of-k.csv and summary.json)
            out.put("r-of-k", rOfK(p, points));
        }
        if (!hist.isEmpty()) {
            double[] theta = column(hist, 2);
            XYChart c = LinePlot.create("Phase law at t = " + hist.get(0).get(1) + " (K = " + hist.get(0).get(0)
                    + ", N = " + p.nodes() + ")", "phase θ (rad, 0 to 2π)", "density (1/rad)", theta, Map.of(), false);
            Overlays.points(c, "oscillators (histogram)", theta, column(hist, 3), Palette.series(1), SeriesMarkers.DIAMOND);
            Overlays.points(c, "oscillators, mean phase turned to the PDE's", theta, column(hist, 4), Palette.series(0),
                    SeriesMarkers.CIRCLE);
            Overlays.theoryLine(c, "Fokker-Planck on the circle", theta, column(hist, 5));
            c.getStyler().setLegendPosition(Styler.LegendPosition.InsideN);
            out.put("phase-histogram", c);
        }
        if (!w1.isEmpty()) {
            double[] t = column(w1, 1);
            Map<String, double[]> s = new LinkedHashMap<>();
            s.put("W1(oscillators, PDE)", column(w1, 2));
            s.put("W1 after aligning the mean phase", column(w1, 3));
            XYChart c = LinePlot.create("W1 on the circle to the Fokker-Planck solution (N = " + p.nodes() + ")",
                    "time t", "W1 (rad)", t, s, false, false, true);
            Overlays.yRange(c, t[0], 0, 0);
            out.put("w1-to-pde", c);
        }
        return out;
    }

    private static XYChart rOfK(GraphStudyParams p, List<GraphDynamicsStudy.PointResult> points) {
        double kMin = points.stream().mapToDouble(GraphDynamicsStudy.PointResult::k).min().orElse(0);
        double kMax = points.stream().mapToDouble(GraphDynamicsStudy.PointResult::k).max().orElse(1);
        boolean mag = p.magnetisation();
        XYChart c = LinePlot.create((mag ? "Magnetisation |m|(K)" : "Order parameter r(K)") + ", N = " + p.nodes()
                + " (mean ± 2 SE)", "coupling K", "time-averaged " + p.observable(), new double[] {kMin}, Map.of(), false);
        List<String> graphs = new ArrayList<>();
        points.forEach(q -> {
            if (!graphs.contains(q.graph())) {
                graphs.add(q.graph());
            }
        });
        for (int g = 0; g < graphs.size(); g++) {
            String name = graphs.get(g);
            List<GraphDynamicsStudy.PointResult> mine = points.stream().filter(q -> q.graph().equals(name)).toList();
            double[] k = mine.stream().mapToDouble(GraphDynamicsStudy.PointResult::k).toArray();
            double[] r = mine.stream().mapToDouble(GraphDynamicsStudy.PointResult::r).toArray();
            double[] bar = mine.stream().mapToDouble(q -> 2 * q.se()).toArray();
            Overlays.errorBars(c, name + (p.extrapolateDt() ? " (dt-extrapolated)" : ""), k, r, bar, Palette.series(g));
        }
        int m = 200;
        double[] kk = new double[m];
        double[] rr = new double[m];
        boolean oa = p.gamma() > 0 && p.noise() == 0;
        boolean sc = p.gamma() == 0 && p.noise() > 0;
        if (p.rule() == NodeRule.KURAMOTO && (oa || sc)) {
            for (int i = 0; i < m; i++) {
                kk[i] = kMin + (kMax - kMin) * i / (m - 1.0);
                rr[i] = oa ? KuramotoMeanField.ottAntonsenR(kk[i], p.gamma())
                        : KuramotoMeanField.selfConsistentR(kk[i], p.noise());
            }
            Overlays.theoryLine(c, oa ? "Ott-Antonsen sqrt(1 - 2γ/K)" : "self-consistency r = I1(Kr/D)/I0(Kr/D)", kk, rr);
        }
        if (p.rule() == NodeRule.LANGEVIN && p.noise() > 0 && GraphDynamicsStudy.PointResult.desaiZwanzig(p)
                && (p.graphs().get(0).kind().equals("complete") || p.normalisation() != Normalisation.NODES)) {
            int few = 60; // each m* is a root of a quadrature: a few dozen points draw the curve
            double[] kd = new double[few];
            double[] md = new double[few];
            for (int i = 0; i < few; i++) {
                kd[i] = kMin + (kMax - kMin) * i / (few - 1.0);
                md[i] = kd[i] > 0 ? new DesaiZwanzig(kd[i]).magnetization(1 / p.noise()) : 0;
            }
            Overlays.theoryLine(c, "Desai-Zwanzig m*(θ = K, β = 1/D)", kd, md);
        }
        Overlays.yRange(c, kMin, 0, 1);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return c;
    }

    /** One run's per-community values over time (the first graph's last coupling), with the whole population's. */
    record CommunitySeries(double k, CommunityOrderParameters communities, OrderParameterSeries whole) {
    }

    static XYChart communities(GraphStudyParams p, CommunitySeries cs) {
        boolean mag = p.magnetisation();
        CommunityOrderParameters com = cs.communities();
        double[] t = com.rows().stream().mapToDouble(r -> r[1]).toArray();
        Map<String, double[]> s = new LinkedHashMap<>();
        int[] sizes = p.graphs().get(0).sizes();
        for (int c = 0; c < com.communities(); c++) {
            s.put("community " + c + " (" + sizes[c] + " nodes)", com.column(c));
        }
        XYChart c = LinePlot.create((mag ? "|m_c|" : "r_c") + " per community (" + p.graphs().get(0).label() + ", K = "
                        + cs.k() + ")", "time t",
                mag ? "community magnetisation |m_c|" : "community order parameter r_c", t, s, false);
        // the whole population's value at the same times (every community step is a recorded step)
        Map<Double, Double> whole = new LinkedHashMap<>();
        for (double[] r : cs.whole().rows()) {
            whole.put(r[1], r[p.observedColumn()]);
        }
        double[] w = java.util.Arrays.stream(t).map(x -> whole.getOrDefault(x, Double.NaN)).toArray();
        Overlays.line(c, mag ? "whole graph |m|" : "whole graph r", t, w, Palette.series(com.communities()));
        if (p.rule() == NodeRule.KURAMOTO && p.gamma() == 0 && p.noise() > 0) {
            // the r(K) chart's reference, as a level: a dense community locks at the same self-consistent r
            Overlays.horizontal(c, "self-consistency r = I1(Kr/D)/I0(Kr/D)",
                    KuramotoMeanField.selfConsistentR(cs.k(), p.noise()), t[0], t[t.length - 1]);
        }
        Overlays.yRange(c, t[0], 0, mag ? Math.max(1, max(s)) : 1);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return c;
    }

    private static double max(Map<String, double[]> series) {
        return series.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
    }

    private static double[] column(List<List<Object>> rows, int c) {
        return rows.stream().mapToDouble(r -> ((Number) r.get(c)).doubleValue()).toArray();
    }
}
