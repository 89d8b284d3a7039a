package org.ensemble.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A density over a plane (2-D histogram, PDE solution, histogram over time) drawn as a raster on
 * numeric axes with a titled colour bar beside it: round ends and ticks, optionally a log scale,
 * and a scale that can be shared by two maps that are compared. Contours and marked points
 * (minima, saddles) are ordinary series of the axes chart, with legend entries.
 *
 * <p>It is a {@link HeatMapChart} so that {@link HeatMaps}' signatures stay; it draws itself.
 */
public final class DensityMap extends HeatMapChart {
    private static final int BAR_SPACE = 130;
    private static final int RASTER_MAX = 600;

    private final XYChart axes;
    private final double[] xEdges;
    private final double[] yEdges;
    private final double[][] values;
    private String colourBarTitle;
    private boolean log;
    private double logFloor = 1e-3;
    private ColourScale scale;

    /** values[i][j]: the value in x cell i (xEdges[i]..xEdges[i+1]) and y cell j; NaN = no data. */
    public DensityMap(String title, String xTitle, String yTitle, double[] xEdges, double[] yEdges, double[][] values,
                      String colourBarTitle) {
        super(Charts.WIDTH, Charts.HEIGHT);
        if (values.length != xEdges.length - 1 || values.length == 0 || values[0].length != yEdges.length - 1) {
            throw new IllegalArgumentException("density map: " + values.length + " x cells for " + (xEdges.length - 1)
                    + " x edges' cells");
        }
        this.xEdges = xEdges.clone();
        this.yEdges = yEdges.clone();
        this.values = values;
        this.colourBarTitle = colourBarTitle;
        setTitle(title);
        axes = Charts.xy(title, xTitle, yTitle);
        axes.getStyler().setXAxisMin(xEdges[0]).setXAxisMax(xEdges[xEdges.length - 1]);
        axes.getStyler().setYAxisMin(yEdges[0]).setYAxisMax(yEdges[yEdges.length - 1]);
        axes.getStyler().setPlotBackgroundColor(new Color(0, 0, 0, 0));
        axes.getStyler().setChartBackgroundColor(new Color(0, 0, 0, 0));
        axes.getStyler().setPlotGridLinesVisible(false);
        axes.getStyler().setMarkerSize(9);
        axes.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        axes.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        // The axes need a series to exist; this one marks the map's corners, drawn invisibly.
        // (A middle point off both grids, or XChart puts ticks only at the data's equally spaced values.)
        double xa = xEdges[0];
        double xb = xEdges[xEdges.length - 1];
        double ya = yEdges[0];
        double yb = yEdges[yEdges.length - 1];
        XYSeries frame = axes.addSeries("_frame", new double[] {xa, xa + 0.618034 * (xb - xa), xb},
                new double[] {ya, ya + 0.381966 * (yb - ya), yb});
        frame.setMarker(SeriesMarkers.NONE);
        frame.setLineColor(new Color(0, 0, 0, 0));
        frame.setShowInLegend(false);
    }

    /** Colours on a log scale spanning max·floor … max (values below drawn as empty). */
    public DensityMap logScale(double floor) {
        this.log = true;
        this.logFloor = floor;
        return this;
    }

    /** Uses this scale instead of one fitted to the map's own maximum. */
    public DensityMap scale(ColourScale s) {
        this.scale = s;
        return this;
    }

    public double max() {
        double m = 0;
        for (double[] col : values) {
            for (double v : col) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, v);
                }
            }
        }
        return m;
    }

    /** Gives every map one colour scale fitted to the largest maximum among them, so they compare. */
    public static void shareScale(DensityMap... maps) {
        double m = 0;
        for (DensityMap d : maps) {
            m = Math.max(m, d.max());
        }
        for (DensityMap d : maps) {
            d.scale = ColourScale.forMax(m, d.log, d.logFloor);
        }
    }

    /**
     * Contour lines of a field given at grid nodes (field[i][j] at (xNodes[i], yNodes[j])), by
     * marching squares, as one series whose segments are separated by gaps.
     */
    public DensityMap contours(String name, double[] xNodes, double[] yNodes, double[][] field, double[] levels) {
        List<double[]> segs = Contours.segments(xNodes, yNodes, field, levels);
        if (segs.isEmpty()) {
            return this;
        }
        double[] x = new double[3 * segs.size()];
        double[] y = new double[3 * segs.size()];
        for (int k = 0; k < segs.size(); k++) {
            double[] s = segs.get(k);
            x[3 * k] = s[0];
            y[3 * k] = s[1];
            x[3 * k + 1] = s[2];
            y[3 * k + 1] = s[3];
            x[3 * k + 2] = s[2];
            y[3 * k + 2] = Double.NaN;
        }
        XYSeries c = axes.addSeries(name, x, y);
        c.setMarker(SeriesMarkers.NONE);
        c.setLineColor(new Color(40, 40, 40, 150));
        c.setLineStyle(new BasicStroke(0.9f));
        return this;
    }

    /**
     * Contours of a potential given at the cell centres (field[i][j]) at levels spaced evenly
     * between its minimum and a quantile, so the wells' shapes show rather than the steep walls,
     * with its grid minima and saddles marked.
     */
    public DensityMap potential(String name, double[] xCentres, double[] yCentres, double[][] field, int levels) {
        double[] all = Arrays.stream(field).flatMapToDouble(Arrays::stream).filter(Double::isFinite).sorted().toArray();
        if (all.length == 0) {
            return this;
        }
        double lo = all[0];
        double hi = all[(int) (0.6 * (all.length - 1))];
        double[] lv = new double[levels];
        for (int k = 0; k < levels; k++) {
            lv[k] = lo + (hi - lo) * (k + 0.5) / levels;
        }
        contours("contours of " + name, xCentres, yCentres, field, lv);
        double[][][] sp = Contours.stationaryPoints(xCentres, yCentres, field);
        markers("minima of " + name, sp[0][0], sp[0][1], SeriesMarkers.CIRCLE, new Color(213, 94, 0));
        markers("saddles of " + name, sp[1][0], sp[1][1], SeriesMarkers.DIAMOND, new Color(230, 159, 0));
        return this;
    }

    /** Marked points (e.g. minima, saddles) with a legend entry. */
    public DensityMap markers(String name, double[] x, double[] y, Marker marker, Color colour) {
        if (x.length == 0) {
            return this;
        }
        Overlays.points(axes, name, x, y, colour, marker).setMarkerColor(colour);
        return this;
    }

    double[] xEdges() {
        return xEdges;
    }

    double[] yEdges() {
        return yEdges;
    }

    double[][] values() {
        return values;
    }

    boolean isLog() {
        return log;
    }

    double logFloor() {
        return logFloor;
    }

    /** The scale set by {@link #scale} or {@link #shareScale}; null: fitted when drawn. */
    ColourScale explicitScale() {
        return scale;
    }

    /** The axes chart (titles, ticks, legend) under the raster. */
    public XYChart axes() {
        return axes;
    }

    public String colourBarTitle() {
        return colourBarTitle;
    }

    public ColourScale colourScale() {
        return scale != null ? scale : ColourScale.forMax(max(), log, logFloor);
    }

    /** The colour-bar tick labels as drawn. */
    public List<String> colourBarLabels() {
        List<String> l = new ArrayList<>();
        for (double v : colourScale().ticks()) {
            l.add(TickLabels.number(v));
        }
        return l;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        ColourScale cs = colourScale();
        int w = width - BAR_SPACE;
        boolean legend = axes.getSeriesCollection().stream().anyMatch(XYSeries::isShowInLegend);
        axes.getStyler().setLegendVisible(legend);
        HouseStyle.apply(axes);
        // Cells centred on whole numbers (node ids, layers k): ticks between them would read "2.5". XChart
        // steps ticks by 1, 2, 5 × 10^e from a spacing hint in pixels; a hint of at least 0.8 of a cell's
        // height (width) makes the step at least 1, so every tick is a whole number.
        if (integerCells(xEdges)) {
            int hint = (int) Math.ceil(0.8 * (width - BAR_SPACE) / (xEdges.length - 1));
            axes.getStyler().setXAxisTickMarkSpacingHint(Math.max(axes.getStyler().getXAxisTickMarkSpacingHint(), hint));
        }
        if (integerCells(yEdges)) {
            int hint = (int) Math.ceil(0.8 * height / (yEdges.length - 1));
            axes.getStyler().setYAxisTickMarkSpacingHint(Math.max(axes.getStyler().getYAxisTickMarkSpacingHint(), hint));
        }
        // First a layout pass off screen: it tells where the plot area lies.
        BufferedImage scratch = new BufferedImage(w, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D sg = scratch.createGraphics();
        axes.paint(sg, w, height);
        sg.dispose();
        double x0 = axes.getScreenXFromChart(xEdges[0]);
        double x1 = axes.getScreenXFromChart(xEdges[xEdges.length - 1]);
        double yTop = axes.getScreenYFromChart(yEdges[yEdges.length - 1]);
        double yBottom = axes.getScreenYFromChart(yEdges[0]);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int pw = (int) Math.max(1, Math.min(RASTER_MAX, Math.round(x1 - x0)));
        int ph = (int) Math.max(1, Math.min(RASTER_MAX, Math.round(yBottom - yTop)));
        BufferedImage img = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        for (int px = 0; px < pw; px++) {
            int i = cell(xEdges, xEdges[0] + (px + 0.5) / pw * (xEdges[xEdges.length - 1] - xEdges[0]));
            for (int py = 0; py < ph; py++) {
                int j = cell(yEdges, yEdges[yEdges.length - 1] - (py + 0.5) / ph * (yEdges[yEdges.length - 1]
                        - yEdges[0]));
                img.setRGB(px, py, cs.colour(values[i][j]).getRGB());
            }
        }
        g.drawImage(img, (int) Math.round(x0), (int) Math.round(yTop), (int) Math.round(x1 - x0),
                (int) Math.round(yBottom - yTop), null);
        axes.paint(g, w, height);
        colourBar(g, cs, w + 20, (int) Math.round(yTop), (int) Math.round(yBottom));
    }

    /** Whether every cell is one unit wide and centred on a whole number (edges at k ± 0.5). */
    static boolean integerCells(double[] edges) {
        for (int i = 0; i < edges.length; i++) {
            double e = edges[i] - 0.5;
            if (e != Math.rint(e) || (i > 0 && edges[i] - edges[i - 1] != 1)) {
                return false;
            }
        }
        return edges.length >= 4; // three or more cells, so at least three whole-number labels
    }

    private static int cell(double[] edges, double v) {
        int k = Arrays.binarySearch(edges, v);
        int i = k >= 0 ? k : -k - 2;
        return Math.max(0, Math.min(edges.length - 2, i));
    }

    private void colourBar(Graphics2D g, ColourScale cs, int left, int top, int bottom) {
        int barWidth = 18;
        int h = bottom - top;
        for (int p = 0; p < h; p++) {
            g.setColor(ColourScale.at(1 - (p + 0.5) / h));
            g.fillRect(left, top + p, barWidth, 1);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, barWidth, h);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(font);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (double v : cs.ticks()) {
            double f = cs.log() ? (Math.log(v) - Math.log(cs.low())) / (Math.log(cs.high()) - Math.log(cs.low()))
                    : (v - cs.low()) / (cs.high() - cs.low());
            int y = (int) Math.round(bottom - f * h);
            g.drawLine(left + barWidth, y, left + barWidth + 4, y);
            g.drawString(TickLabels.number(v), left + barWidth + 7, y + 4);
        }
        Font titleFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        FontRenderContext frc = g.getFontRenderContext();
        double tw = titleFont.getStringBounds(colourBarTitle, frc).getWidth();
        AffineTransform saved = g.getTransform();
        g.setFont(titleFont);
        g.rotate(-Math.PI / 2);
        g.drawString(colourBarTitle, (float) -(top + h / 2.0 + tw / 2), (float) (left + barWidth + 90));
        g.setTransform(saved);
    }
}
