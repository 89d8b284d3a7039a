package org.ensemble.plot;

import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as SVG with its text kept as text ({@code <text>}: searchable, selectable, small) instead
 * of XChart's filled glyph outlines. While the chart is drawn for the SVG, the fonts of its stylers
 * are {@link RecordingFont}s, so {@link SvgGraphics} knows which outline is which text; they
 * are put back afterwards, so the PNG and the chart are untouched. The result is compacted
 * ({@link SvgCompaction}).
 */
final class ChartSvg {
    /**
     * VectorGraphics2D names the machine's font behind Java's logical "SansSerif" ("DejaVu Sans"); a
     * generic family after it lets a viewer without that font still draw a sans-serif one.
     */
    private static final java.util.regex.Pattern SANS = java.util.regex.Pattern.compile(
            "font-family:&quot;[^&;]*Sans(?![^&;]*Mono)[^&;]*&quot;(?=;)");

    private ChartSvg() {
    }

    /** The compacted SVG document of a chart, with how many texts it holds as {@code <text>}. */
    record Drawn(String svg, int texts) {
    }

    static Drawn draw(Chart<?, ?> chart) throws IOException {
        SvgGraphics g = new SvgGraphics();
        List<Object> stylers = stylers(chart);
        for (Object s : stylers) {
            BeanProperties.mapFonts(s, f -> new RecordingFont(f, g));
        }
        try {
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            for (Object s : stylers) {
                BeanProperties.mapFonts(s, f -> f instanceof RecordingFont r ? r.plain() : f);
            }
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 16);
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                .writeTo(raw);
        String svg = SvgCompaction.compact(raw.toString(StandardCharsets.UTF_8));
        return new Drawn(SANS.matcher(svg).replaceAll("$0,sans-serif"), g.textsDrawn());
    }

    /** The stylers whose fonts the chart draws with: a density map's axes chart draws its titles and ticks. */
    private static List<Object> stylers(Chart<?, ?> chart) {
        List<Object> s = new ArrayList<>();
        s.add(chart.getStyler());
        if (chart instanceof DensityMap dm) {
            s.add(dm.axes().getStyler());
        }
        return s;
    }
}
