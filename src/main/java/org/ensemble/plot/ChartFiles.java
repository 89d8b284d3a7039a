package org.ensemble.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart as PNG and SVG, with its {@link PlotModel} ({@code NAME.plot.json}: axes, tick
 * labels, legend entries, colour bar) and its {@link ChartData} ({@code NAME.chart.json}, what it is redrawn from) beside them. The house rules ({@link HouseStyle}) are
 * applied first; the SVG keeps its text as text and is compacted ({@link ChartSvg}). Each file is written under a temporary name in the same directory and moved into
 * place, so a failure never leaves a truncated image.
 */
public final class ChartFiles {
    /** The suffix of the file each plot is redrawn from. */
    public static final String DATA_SUFFIX = ".chart.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    private ChartFiles() {
    }

    /**
     * Draws again the plot whose data are in {@code NAME.chart.json}, as {@code NAME.png}, {@code .svg}
     * and {@code .plot.json} in {@code outDir}.
     *
     * @throws IllegalArgumentException if the file is not chart data this version reads (the message names it)
     */
    public static List<Path> redraw(Path chartData, Path outDir) {
        String file = chartData.getFileName().toString();
        if (!file.endsWith(DATA_SUFFIX)) {
            throw new IllegalArgumentException(chartData + ": not a chart data file (*" + DATA_SUFFIX + ")");
        }
        Chart<?, ?> chart;
        try {
            chart = MAPPER.readValue(chartData.toFile(), ChartData.class).toChart();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(chartData + ": unreadable chart data: " + rootMessage(e).lines()
                    .findFirst().orElse(""), e);
        }
        return save(chart, outDir, file.substring(0, file.length() - DATA_SUFFIX.length()));
    }

    public static List<Path> save(Chart<?, ?> chart, Path dir, String baseName) {
        try {
            Files.createDirectories(dir);
            // The data first, before the house rules add their scaffolding: what `ensemble plot` redraws from.
            ChartData data = ChartData.of(chart);
            write(dir.resolve(baseName + ".chart.json"), out -> MAPPER.writeValue(out, data));
            if (chart instanceof XYChart xy) {
                HouseStyle.apply(xy);
            }
            Path png = dir.resolve(baseName + ".png");
            Path svg = dir.resolve(baseName + ".svg");
            Path model = dir.resolve(baseName + ".plot.json");
            write(png, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
            // Tick labels exist once the chart has been drawn: the model is read after the PNG.
            PlotModel m = PlotModel.of(chart);
            write(model, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, m));
            write(svg, out -> out.write(ChartSvg.draw(chart).svg().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return List.of(png, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + dir.resolve(baseName) + ": " + rootMessage(e), e);
        }
    }

    /** The innermost cause's message ("No space left on device"), without the wrappers' class names. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        // Some encoders fold the cause into the message: "org.xml.sax.SAXException: java.io.IOException: …".
        return m.replaceFirst("^((?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*: )+", "");
    }

    private interface Writer {
        void to(OutputStream out) throws IOException;
    }

    private static void write(Path target, Writer w) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        // Encoded in memory first: the SVG encoder prints I/O errors of its own stream to stderr.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        w.to(bytes);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            bytes.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
