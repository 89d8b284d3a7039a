package org.ensemble.failures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ensemble.data.BlockParityData;
import org.ensemble.implicitbias.StudyResult;
import org.ensemble.network.Activation;
import org.ensemble.network.Loss;
import org.ensemble.network.NetworkSpec;
import org.ensemble.network.Scaling;
import org.ensemble.plot.LinePlot;
import org.ensemble.plot.Overlays;
import org.ensemble.plot.Palette;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * End-to-end against decomposition: y = Π_j sign⟨v_j, x_j⟩ over k Gaussian blocks. End to end, one network learns
 * (x, y); decomposed, network j learns (x_j, s_j) from the same samples and budget and the prediction is
 * Π_j sign f_j(x_j). The held-out 0-1 error of both against k (the data's own seed is the run's seed, so the
 * teacher directions v_j differ between seeds), and the signal-to-noise ratio of the label-dependent gradient
 * at initialisation ({@link GradientSnr}): it falls geometrically in k end to end, while each block's network
 * sees the same k-independent problem.
 */
public final class DecompositionStudy {
    private DecompositionStudy() {
    }

    public static StudyResult run(DecompositionSpec spec, BooleanSupplier stop, Consumer<String> log) {
        NetworkSettings ns = spec.network();
        int m = spec.blockDimension();
        int kMax = Arrays.stream(spec.blocks()).max().orElseThrow();
        int nk = spec.blocks().length;
        int seeds = spec.seeds().length;
        double[][] e2eErr = new double[nk][seeds];
        double[][] decErr = new double[nk][seeds];
        double[][] predicted = new double[nk][seeds];
        List<List<Object>> runRows = new ArrayList<>();
        boolean interrupted = false;
        for (int si = 0; si < seeds && !interrupted; si++) {
            long seed = spec.seeds()[si];
            // One network per block; block j's samples do not depend on k, so they serve every k > j.
            TwoLayerNetwork[] blockNets = new TwoLayerNetwork[kMax];
            double[] blockErr = new double[kMax];
            for (int j = 0; j < kMax && !interrupted; j++) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                NetworkRun r = NetworkRun.execute(ns.scenario("block-" + j, seed, data(kMax, m, j, seed)),
                        "decomposition run", stop);
                blockNets[j] = r.network();
                blockErr[j] = r.network() == null ? Double.NaN : blockError(r.network(),
                        new BlockParityData(kMax, m, j, seed, seed), ns.testSamples());
                log.accept(String.format("seed %d, block %d alone: held-out error %.4f", seed, j, blockErr[j]));
            }
            for (int ki = 0; ki < nk && !interrupted; ki++) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                int k = spec.blocks()[ki];
                NetworkRun r = NetworkRun.execute(ns.scenario("end-to-end-k" + k, seed, data(k, m, -1, seed)),
                        "end-to-end run", stop);
                BlockParityData all = new BlockParityData(k, m, -1, seed, seed);
                e2eErr[ki][si] = r.network() == null ? Double.NaN : endToEndError(r.network(), all, ns.testSamples());
                decErr[ki][si] = composedError(blockNets, all, ns.testSamples());
                predicted[ki][si] = independentBlocks(blockErr, k);
                runRows.add(List.of(k, seed, r.finalTestRisk(), e2eErr[ki][si], decErr[ki][si],
                        e2eErr[ki][si] < spec.successError(), decErr[ki][si] < spec.successError(),
                        r.outcome().status().name().toLowerCase()));
                log.accept(String.format("seed %d, k = %d: held-out error end to end %.4f, decomposed %.4f", seed, k,
                        e2eErr[ki][si], decErr[ki][si]));
            }
        }
        int done = interrupted ? 0 : nk;

        NetworkSettings n = spec.network();
        List<List<Object>> snrRows = new ArrayList<>();
        double[] snr = new double[nk];
        double[] snrBar = new double[nk];
        long seed0 = spec.seeds()[0];
        BlockParityData blockData = new BlockParityData(kMax, m, 0, seed0, seed0);
        GradientSnr.Result blockSnr = GradientSnr.measure(TwoLayerNetwork.initial(spec(n, m), seed0), blockData,
                spec.snrSamples());
        for (int ki = 0; ki < nk && !interrupted; ki++) {
            int k = spec.blocks()[ki];
            GradientSnr.Result s = GradientSnr.measure(TwoLayerNetwork.initial(spec(n, k * m), seed0),
                    new BlockParityData(k, m, -1, seed0, seed0), spec.snrSamples());
            snr[ki] = s.snr();
            snrBar[ki] = 1.96 * s.snrSe();
            snrRows.add(List.of(k, s.signal(), s.signalSe(), s.noise(), s.snr(), s.snrSe(), blockSnr.snr(),
                    blockSnr.snrSe()));
            log.accept(String.format("k = %d: gradient SNR at init end to end %.3g ± %.2g; one block alone %.3g", k,
                    s.snr(), s.snrSe(), blockSnr.snr()));
        }

        List<List<Object>> sumRows = new ArrayList<>();
        double[] ks = new double[done];
        double[] theory = new double[done];
        double[][] mean = new double[2][done];
        double[][] bar = new double[2][done];
        double[][] rate = new double[2][done];
        double[][] lo = new double[2][done];
        double[][] hi = new double[2][done];
        List<Map<String, Object>> table = new ArrayList<>();
        for (int ki = 0; ki < done; ki++) {
            ks[ki] = spec.blocks()[ki];
            MeanSe e = MeanSe.of(e2eErr[ki]);
            MeanSe dd = MeanSe.of(decErr[ki]);
            theory[ki] = MeanSe.of(predicted[ki]).mean();
            Proportion pe = new Proportion(count(e2eErr[ki], spec.successError()), seeds);
            Proportion pd = new Proportion(count(decErr[ki], spec.successError()), seeds);
            MeanSe[] ms = {e, dd};
            Proportion[] ps = {pe, pd};
            for (int w = 0; w < 2; w++) {
                mean[w][ki] = ms[w].mean();
                bar[w][ki] = 1.96 * ms[w].se();
                rate[w][ki] = ps[w].rate();
                lo[w][ki] = ps[w].low();
                hi[w][ki] = ps[w].high();
            }
            sumRows.add(List.of(spec.blocks()[ki], e.mean(), e.se(), pe.rate(), dd.mean(), dd.se(), pd.rate(),
                    theory[ki], snr[ki], snrBar[ki] / 1.96, blockSnr.snr()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("k", spec.blocks()[ki]);
            row.put("end_to_end_error", e.mean());
            row.put("end_to_end_error_se", e.se());
            row.put("end_to_end_success_rate", pe.rate());
            row.put("decomposition_error", dd.mean());
            row.put("decomposition_error_se", dd.se());
            row.put("decomposition_success_rate", pd.rate());
            row.put("decomposition_error_from_block_errors", theory[ki]);
            row.put("end_to_end_gradient_snr", snr[ki]);
            row.put("block_gradient_snr", blockSnr.snr());
            table.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", interrupted ? "interrupted" : "completed");
        summary.put("budget_samples", ns.budget());
        summary.put("block_dimension", m);
        summary.put("success_error", spec.successError());
        summary.put("snr", "||E[y grad f]||^2 / E||y grad f - E[y grad f]||^2 at initialisation, "
                + spec.snrSamples() + " samples");
        summary.put("table", table);
        List<StudyResult.Table> tables = List.of(
                new StudyResult.Table("decomposition-runs", List.of("k", "seed", "end_to_end_final_test_risk",
                        "end_to_end_error", "decomposition_error", "end_to_end_success", "decomposition_success",
                        "status"), runRows),
                new StudyResult.Table("decomposition", List.of("k", "end_to_end_error", "end_to_end_error_se",
                        "end_to_end_success_rate", "decomposition_error", "decomposition_error_se",
                        "decomposition_success_rate", "decomposition_error_from_block_errors", "end_to_end_gradient_snr", "end_to_end_gradient_snr_se",
                        "block_gradient_snr"), sumRows),
                new StudyResult.Table("gradient-snr", List.of("k", "signal", "signal_se", "noise", "snr", "snr_se",
                        "block_snr", "block_snr_se"), snrRows));
        Map<String, XYChart> charts = new LinkedHashMap<>();
        if (done >= 2) {
            String[] names = {"end to end", "decomposition (one network per block)"};
            XYChart ec = LinePlot.create("Held-out 0-1 error against the number of blocks k (budget " + ns.budget()
                    + " samples, " + seeds + " seeds)", "blocks k", "held-out 0-1 error", ks, Map.of(), false, false,
                    true);
            for (int w = 0; w < 2; w++) {
                Overlays.errorBars(ec, names[w] + ": mean ± 95% CI", ks, mean[w], bar[w], Palette.series(w));
            }
            Overlays.theoryLine(ec, "(1 − Π(1 − 2e_j))/2 from the blocks' own errors e_j", ks, theory);
            Overlays.horizontal(ec, "chance 1/2", 0.5, ks[0], ks[done - 1]);
            ec.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            Overlays.horizontal(ec, "success threshold " + spec.successError(), spec.successError(), ks[0],
                    ks[done - 1]).setLineColor(Palette.series(4));
            charts.put("decomposition-error", ec);
            XYChart sc = LinePlot.create("Success rate against k (held-out error < " + spec.successError() + ")",
                    "blocks k", "fraction of " + seeds + " seeds", ks, Map.of(), false, false, true);
            for (int w = 0; w < 2; w++) {
                Overlays.band(sc, names[w] + ": 95% CI (Wilson)", ks, lo[w], hi[w], Palette.series(w));
                Overlays.points(sc, names[w], ks, rate[w], Palette.series(w),
                        w == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            }
            Overlays.yRange(sc, ks[0], 0, 1);
            sc.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
            charts.put("decomposition-success-rate", sc);
            // Estimates above their 95% CI are drawn with their bars; the others only bound the SNR from above.
            List<Integer> resolved = new ArrayList<>();
            List<Integer> bounded = new ArrayList<>();
            for (int ki = 0; ki < done; ki++) {
                (snr[ki] - snrBar[ki] > 0 ? resolved : bounded).add(ki);
            }
            if (!resolved.isEmpty()) {
                double[] flat = new double[done];
                Arrays.fill(flat, blockSnr.snr());
                XYChart nc = LinePlot.create("Gradient signal-to-noise ratio at initialisation against k", "blocks k",
                        "‖E[y∇f]‖² / E‖y∇f − E[y∇f]‖²", ks, Map.of(), false, true, true);
                Overlays.errorBars(nc, "end to end, 95% CI", pick(ks, resolved), pick(snr, resolved),
                        pick(snrBar, resolved), Palette.series(0));
                if (!bounded.isEmpty()) {
                    double[] upper = new double[bounded.size()];
                    for (int i = 0; i < upper.length; i++) {
                        upper[i] = Math.max(snr[bounded.get(i)], 0) + snrBar[bounded.get(i)];
                    }
                    Overlays.points(nc, "end to end, below the noise floor: 95% upper bound", pick(ks, bounded), upper,
                            Palette.series(0), SeriesMarkers.TRIANGLE_DOWN);
                }
                Overlays.line(nc, "one block alone (decomposition), any k", ks, flat, Palette.series(1));
                nc.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
                charts.put("gradient-snr", nc);
            }
        }
        return new StudyResult(summary, tables, charts);
    }

    private static double[] pick(double[] v, List<Integer> idx) {
        double[] out = new double[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[idx.get(i)];
        }
        return out;
    }

    /** P(odd number of block errors) for independent blocks with errors e_0 … e_{k−1}: (1 − Π(1 − 2e_j))/2. */
    static double independentBlocks(double[] blockErrors, int k) {
        double prod = 1;
        for (int j = 0; j < k; j++) {
            prod *= 1 - 2 * blockErrors[j];
        }
        return (1 - prod) / 2;
    }

    static String data(int k, int m, int block, long seed) {
        return "type = block-parity, blocks = " + k + ", block-dimension = " + m + ", block = " + block
                + ", teacher-seed = " + seed;
    }

    private static NetworkSpec spec(NetworkSettings n, int d) {
        return new NetworkSpec(n.width(), d, Activation.of(Activation.Kind.parse(n.activation())), Scaling.MEAN_FIELD,
                Loss.SQUARE, true, true, true, n.wScale(), 0.0, n.aSd(), 0.0, n.bSd());
    }

    private static int count(double[] errors, double threshold) {
        int c = 0;
        for (double e : errors) {
            c += e < threshold ? 1 : 0;
        }
        return c;
    }

    /** Held-out error of a network trained on block j's sub-label. */
    static double blockError(TwoLayerNetwork net, BlockParityData block, int samples) {
        double[] x = new double[block.dimension()];
        int wrong = 0;
        for (int j = 0; j < samples; j++) {
            double y = block.testSample(j, x);
            wrong += net.output(x) * y > 0 ? 0 : 1;
        }
        return wrong / (double) samples;
    }

    static double endToEndError(TwoLayerNetwork net, BlockParityData all, int samples) {
        return blockError(net, all, samples);
    }

    /** Held-out error of Π_j sign f_j(x_j) on the k-block parity. */
    static double composedError(TwoLayerNetwork[] blockNets, BlockParityData all, int samples) {
        int k = all.blocks();
        int m = all.blockDimension();
        double[] x = new double[k * m];
        double[] xj = new double[m];
        int wrong = 0;
        for (int s = 0; s < samples; s++) {
            double y = all.testSample(s, x);
            double pred = 1;
            for (int j = 0; j < k; j++) {
                if (blockNets[j] == null) {
                    return Double.NaN;
                }
                System.arraycopy(x, j * m, xj, 0, m);
                pred *= blockNets[j].output(xj) > 0 ? 1 : -1;
            }
            wrong += pred == y ? 0 : 1;
        }
        return wrong / (double) samples;
    }
}
