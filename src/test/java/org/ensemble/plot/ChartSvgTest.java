package org.ensemble.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG keeps its text as text: every title, axis title, tick label (log axis too) and legend
 * name a chart shows is a {@code <text>}, at the place its glyph outline was, and the outlines are
 * gone — checked against the SVG VectorGraphics2D writes for the same chart (outlines). Dashed grid
 * lines, which XChart fills dash by dash, are lines with a dash pattern.
 */
class ChartSvgTest {
    private static final Pattern GROUP = Pattern.compile("<g transform=\"([^\"]*)\">\\s*<(path|text)[^>]*?(?:/>|>([^<]*)</text>)");

    @TempDir
    Path dir;

    /** A risk falling over four decades on a log axis, with a band and a theory line: legend entries. */
    private static XYChart riskChart() {
        double[] t = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
        double[] risk = new double[t.length];
        double[] lo = new double[t.length];
        double[] hi = new double[t.length];
        double[] theory = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            risk[i] = 0.5 / t[i] + 1e-4;
            lo[i] = 0.8 * risk[i];
            hi[i] = 1.25 * risk[i];
            theory[i] = 0.5 / t[i];
        }
        XYChart c = LinePlot.create("Risk <&> \"over\" time", "time t", "risk R(t) (log scale)", t,
                new LinkedHashMap<>(Map.of("risk, measured", risk)), true, true, false);
        Overlays.band(c, "95% CI", t, lo, hi, Palette.all()[0]);
        Overlays.theoryLine(c, "theory 1/(2t)", t, theory);
        return c;
    }

    /** The SVG as the encoder XChart ships writes it: text as filled outlines. */
    private static String outlines(Chart<?, ?> c) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(c, raw, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return SvgCompaction.compact(raw.toString(StandardCharsets.UTF_8));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // The DOCTYPE names the SVG 1.1 DTD on the web: well-formedness needs no fetch.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList n = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }

    /** Each placed path or text: "transform|path d…" or "transform|text", in document order. */
    private static List<String[]> placed(String svg) {
        List<String[]> out = new ArrayList<>();
        Matcher m = GROUP.matcher(svg);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2), m.group(0)});
        }
        return out;
    }

    @Test
    void titlesTicksAndLegendAreTextWhereTheirOutlinesWere() throws Exception {
        XYChart c = riskChart();
        ChartFiles.save(c, dir, "risk");
        String svg = Files.readString(dir.resolve("risk.svg"));
        Document doc = parse(svg);
        List<String> texts = texts(doc);
        PlotModel m = new ObjectMapper().readValue(dir.resolve("risk.plot.json").toFile(), PlotModel.class);
        assertTrue(m.y().log(), "the y axis stays logarithmic: " + m.y());
        List<String> shown = new ArrayList<>(List.of(m.title(), m.x().title(), m.y().title()));
        m.x().tickLabels().stream().filter(s -> !s.isBlank()).forEach(shown::add);
        m.y().tickLabels().stream().filter(s -> !s.isBlank()).forEach(shown::add);
        m.series().stream().filter(PlotModel.Entry::inLegend).map(PlotModel.Entry::name).forEach(shown::add);
        assertTrue(m.y().tickLabels().stream().filter(s -> !s.isBlank()).count() >= 3, m.y().toString());
        assertTrue(shown.contains("95% CI") && shown.contains("theory 1/(2t)"), shown.toString());
        for (String s : shown) {
            assertTrue(texts.remove(s), "not a <text> in the SVG: '" + s + "' (texts " + texts(doc) + ")");
        }
        assertTrue(texts.isEmpty(), "texts the chart does not show: " + texts);

        // Against the outlines: the same paths but the texts', and each text where its outline was.
        String old = outlines(c);
        List<String[]> before = placed(old);
        List<String[]> after = placed(svg);
        List<String> oldPaths = new ArrayList<>(before.stream().map(p -> p[2]).toList());
        List<String> textPlaces = new ArrayList<>();
        for (String[] p : after) {
            if (p[1].equals("path")) {
                assertTrue(oldPaths.remove(p[2]), "a path the outline SVG does not have: " + p[2]);
            } else {
                // The y title's outline was turned in its path; its text is turned by the group instead.
                textPlaces.add(p[0].replaceFirst("^matrix\\(0 -1 1 0 (\\S+) (\\S+)\\)$", "translate($1 $2)"));
            }
        }
        // What is left of the old paths are the glyph outlines: as many as texts, at the same places.
        List<String> outlinePlaces = before.stream().filter(p -> oldPaths.contains(p[2])).map(p -> p[0]).toList();
        assertEquals(textPlaces.stream().sorted().toList(), outlinePlaces.stream().sorted().toList());
        assertEquals(texts(doc).size(), textPlaces.size());
        // The other old paths gone are the dashed grid lines, one rectangle per dash: now one line each.
        int gridLines = count(svg, "stroke-dasharray") - count(old, "stroke-dasharray");
        assertTrue(gridLines >= 10, gridLines + " dashed grid lines");
        assertEquals(count(old, "<path") - texts(doc).size() - gridLines, count(svg, "<path"), "glyph or dash paths left");
        // The rotated y-axis title is turned by −90°: matrix(0 −1 1 0 x y).
        assertTrue(svg.matches("(?s).*<g transform=\"matrix\\(0 -1 1 0 [-0-9.]+ [-0-9.]+\\)\">\\s*<text[^>]*>"
                + Pattern.quote(m.y().title()) + "</text>.*"), "y title not rotated");
        assertTrue(svg.length() * 5 < old.length(), svg.length() + " bytes with text vs " + old.length() + " outlined");
        assertTrue(svg.contains("font-family:&quot;") && svg.contains("font-weight:bold;"), "font of the title");
    }

    @Test
    void thePngAndTheChartAreUntouchedAndTheSvgIsDeterministic() throws Exception {
        XYChart c = riskChart();
        HouseStyle.apply(c);
        byte[] png = BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
        ChartSvg.Drawn first = ChartSvg.draw(c);
        assertArrayEquals(png, BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
        for (Font f : List.of(c.getStyler().getAxisTitleFont(), c.getStyler().getChartTitleFont(),
                c.getStyler().getLegendFont(), c.getStyler().getAxisTickLabelsFont(), c.getStyler().getBaseFont())) {
            assertSame(Font.class, f.getClass(), "recording font left on the styler: " + f);
        }
        assertTrue(first.texts() > 10, first.texts() + " texts");
        assertEquals(first.svg(), ChartSvg.draw(c).svg());
        // A fresh chart of the same data: the same bytes (no identity hashes in clip ids).
        XYChart again = riskChart();
        HouseStyle.apply(again);
        BitmapEncoder.getBitmapBytes(again, BitmapEncoder.BitmapFormat.PNG);
        assertEquals(first.svg(), ChartSvg.draw(again).svg());
    }

    @Test
    void aDensityMapsAxesAndColourBarAreText() throws Exception {
        double[] xe = {-2, -1, 0, 1, 2};
        double[] ye = {0, 1, 2, 3};
        double[][] v = {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}, {4, 5, 6}};
        DensityMap d = new DensityMap("density ρ(x, t)", "position x", "time t", xe, ye, v, "density per particle");
        ChartFiles.save(d, dir, "map");
        String svg = Files.readString(dir.resolve("map.svg"));
        List<String> texts = texts(parse(svg));
        PlotModel m = new ObjectMapper().readValue(dir.resolve("map.plot.json").toFile(), PlotModel.class);
        List<String> shown = new ArrayList<>(List.of(m.title(), m.x().title(), m.y().title(), m.colourBar().title()));
        m.x().tickLabels().stream().filter(s -> !s.isBlank()).forEach(shown::add);
        m.y().tickLabels().stream().filter(s -> !s.isBlank()).forEach(shown::add);
        shown.addAll(m.colourBar().tickLabels());
        for (String s : shown) {
            assertTrue(texts.remove(s), "not a <text> in the SVG: '" + s + "'");
        }
        String old = outlines(d);
        int xchartTexts = count(svg, "<text") - count(old, "<text"); // the colour bar's were text already
        assertTrue(xchartTexts >= 9, xchartTexts + " texts from outlines");
        int gridLines = count(svg, "stroke-dasharray") - count(old, "stroke-dasharray");
        assertEquals(count(old, "<path") - xchartTexts - gridLines, count(svg, "<path"), "glyph paths left");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
