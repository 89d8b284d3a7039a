package org.ensemble.plot;

import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A stability map: measured stable and diverging points on a (delay, step) grid as two marker
 * series, and the exact boundary as a line beside them.
 */
public final class StabilityPlot {
    private StabilityPlot() {
    }

    public static XYChart create(String title, String xTitle, String yTitle, double[] stableX, double[] stableY,
                                 double[] unstableX, double[] unstableY, double[] theoryX, double[] theoryY,
                                 String theoryName) {
        XYChart c = Charts.xy(title, xTitle, yTitle);
        Charts.requireSameLength(theoryName, theoryX, theoryY);
        XYSeries t = c.addSeries(theoryName, theoryX, theoryY);
        t.setMarker(SeriesMarkers.NONE);
        t.setLineColor(Color.BLACK);
        if (stableX.length > 0) {
            XYSeries s = c.addSeries("measured: decays", stableX, stableY);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(40, 120, 200));
        }
        if (unstableX.length > 0) {
            XYSeries u = c.addSeries("measured: grows (diverges)", unstableX, unstableY);
            u.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            u.setMarker(SeriesMarkers.CROSS);
            u.setMarkerColor(new Color(210, 50, 40));
        }
        c.getStyler().setMarkerSize(7);
        // Below the plot: inside, the legend would hide the points of the largest delay.
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        double maxX = 0;
        for (double x : theoryX) {
            maxX = Math.max(maxX, x);
        }
        c.getStyler().setXAxisMin(-0.25);
        c.getStyler().setXAxisMax(maxX + 0.25);
        c.getStyler().setXAxisTickMarkSpacingHint(90);
        c.getStyler().setXAxisDecimalPattern("0.#");
        return c;
    }
}
