package org.ensemble.plot;

import org.knowm.xchart.XYChart;

/**
 * The Desai–Zwanzig pitchfork: the stationary magnetisation ±m*(β) of the self-consistency
 * equation (0 below β_c) as theory lines, with the measured stationary means and their 95% error
 * bars at the swept β.
 */
public final class PitchforkPlot {
    private PitchforkPlot() {
    }

    /**
     * betaGrid/mStar: the theory curve; beta/measured/se: the measured means (|mean| above β_c) and
     * their standard errors; betaC: the critical inverse temperature (a vertical marker).
     */
    public static XYChart create(String title, double[] betaGrid, double[] mStar, double[] beta, double[] measured,
                                 double[] se, double betaC) {
        Charts.requireSameLength("pitchfork theory", betaGrid, mStar);
        Charts.requireSameLength("pitchfork points", beta, measured);
        XYChart c = Charts.xy(title, "inverse temperature β", "stationary mean of the particles");
        // The lower left is empty (m* ≥ 0 is drawn above, −m* only right of β_c).
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        double[] neg = new double[mStar.length];
        double top = 0;
        for (int i = 0; i < mStar.length; i++) {
            neg[i] = -mStar[i];
            top = Math.max(top, mStar[i]);
        }
        Overlays.theoryLine(c, "theory: +m*(β) (self-consistency, N → ∞)", betaGrid, mStar);
        Overlays.theoryLine(c, "theory: −m*(β)", betaGrid, neg).setLineColor(Palette.series(9));
        Overlays.horizontal(c, "theory: m = 0 (unstable above β_c)", 0, betaGrid[0], betaGrid[betaGrid.length - 1])
                .setLineColor(new java.awt.Color(170, 170, 170));
        if (Double.isFinite(betaC)) {
            Overlays.theoryLine(c, String.format("β_c = %.4f", betaC), new double[] {betaC, betaC},
                    new double[] {-top, top}).setLineColor(Palette.series(4));
        }
        double[] bar = new double[se.length];
        for (int i = 0; i < se.length; i++) {
            bar[i] = Double.isFinite(se[i]) ? 1.96 * se[i] : 0;
        }
        Overlays.errorBars(c, "measured stationary mean (|mean| above β_c), 95% CI", beta, measured, bar,
                Palette.series(1));
        return c;
    }
}
