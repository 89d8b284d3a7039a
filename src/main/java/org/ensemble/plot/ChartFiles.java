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
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a chart as PNG and SVG, with its {@link PlotModel} ({@code NAME.plot.json}: axes, tick
 * labels, legend entries, colour bar) beside them. The house rules ({@link HouseStyle}) are
 * applied first; the SVG is compacted ({@link SvgCompaction}). Each file is written under a temporary name in the same directory and moved into
 * place, so a failure never leaves a truncated image.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static List<Path> save(Chart<?, ?> chart, Path dir, String baseName) {
        try {
            Files.createDirectories(dir);
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
            write(svg, out -> {
                java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream(1 << 16);
                VectorGraphicsEncoder.saveVectorGraphic(chart, raw, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                out.write(SvgCompaction.compact(raw.toString(java.nio.charset.StandardCharsets.UTF_8))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
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
