package org.ensemble.plot;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** Common chart construction: size, fonts, palette and legend placement shared by every plot. */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 600;

    private Charts() {
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        c.getStyler().setMarkerSize(6);
        c.getStyler().setSeriesColors(Palette.all());
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        c.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setErrorBarsColorSeriesColor(true);
        return c;
    }

    static void requireSameLength(String what, double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(what + ": lengths differ (" + a.length + " vs " + b.length + ")");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException(what + ": no data");
        }
    }
}
