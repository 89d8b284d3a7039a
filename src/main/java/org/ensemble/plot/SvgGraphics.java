package org.ensemble.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * VectorGraphics2D that writes what XChart fills as outlines as what it is: text as text, and
 * dashed lines (grid lines, which XChart fills as the stroked shape, one rectangle per dash) as
 * lines with a dash pattern.
 *
 * <p>Text: XChart fills each text's glyph outline (a {@code TextLayout} outline at the origin,
 * placed by the transform, upright or turned by −90° for the y-axis title); drawn through {@link RecordingFont}s, the texts just laid out are known, and a
 * fill whose shape is exactly one of their outlines (same path, point for point) becomes a string
 * drawn at the origin in that font ({@code <text>} in SVG). Every other fill is drawn as before.
 */
final class SvgGraphics extends VectorGraphics2D implements RecordingFont.Listener {
    /** Texts laid out but not yet drawn: measuring (bounds) lays out texts that are never filled. */
    private static final int REMEMBERED = 32;
    private static final AffineTransform TURNED = AffineTransform.getRotateInstance(-Math.PI / 2);

    /** Shared with the copies {@link #create()} makes (a shallow clone). */
    private final Deque<LaidOut> recent = new ArrayDeque<>();
    private final int[] textsDrawn = {0};

    /** A text laid out in a font; its outlines are computed once, when a fill is first compared. */
    private static final class LaidOut {
        final String text;
        final Font font;
        final FontRenderContext frc;
        Shape upright;
        Shape turned;

        LaidOut(String text, Font font, FontRenderContext frc) {
            this.text = text;
            this.font = font;
            this.frc = frc;
        }

        void outline() {
            if (upright == null) {
                TextLayout l = new TextLayout(text, font, frc);
                upright = l.getOutline(null);
                turned = l.getOutline(TURNED);
            }
        }

        boolean same(String t, Font f, FontRenderContext c) {
            return text.equals(t) && font.equals(f) && frc.equals(c);
        }
    }

    @Override
    public void laidOut(String text, Font font, FontRenderContext frc) {
        for (Iterator<LaidOut> it = recent.iterator(); it.hasNext(); ) {
            if (it.next().same(text, font, frc)) {
                it.remove();
            }
        }
        recent.addFirst(new LaidOut(text, font, frc));
        if (recent.size() > REMEMBERED) {
            recent.removeLast();
        }
    }

    /** How many filled outlines were written as text. */
    int textsDrawn() {
        return textsDrawn[0];
    }

    @Override
    public void fill(Shape s) {
        if (s == null || isDisposed()) {
            super.fill(s);
            return;
        }
        Rectangle2D b = s.getBounds2D();
        Line2D dashed = dashedLine(s, b);
        if (dashed != null) {
            draw(dashed);
            return;
        }
        for (LaidOut t : recent) { // the latest first: a fill follows its text's layout
            t.outline();
            boolean upright = b.equals(t.upright.getBounds2D()) && samePath(s, t.upright);
            if (upright || (b.equals(t.turned.getBounds2D()) && samePath(s, t.turned))) {
                drawText(t, upright);
                return;
            }
        }
        super.fill(s);
    }

    private void drawText(LaidOut t, boolean upright) {
        Font font = getFont();
        AffineTransform at = getTransform();
        setFont(t.font);
        if (!upright) {
            rotate(-Math.PI / 2);
        }
        // The outline is the layout drawn with its baseline's start at the origin, as is a string.
        drawString(t.text, 0f, 0f);
        setTransform(at);
        setFont(font);
        textsDrawn[0]++;
    }

    /** Dashes to within a thousandth of a pixel: the line is found again from float bounds. */
    private static final double DASH_TOLERANCE = 1e-3;

    /**
     * The horizontal or vertical line whose dashed stroke (the current one) is exactly this shape,
     * or null. The dashes start at the line's start, so the line runs from the first dash's start
     * to the last dash's end, in one of two directions; the stroke's caps reach half its width
     * beyond both ends.
     */
    private Line2D dashedLine(Shape s, Rectangle2D b) {
        if (!(getStroke() instanceof BasicStroke st) || st.getDashArray() == null) {
            return null;
        }
        double w = st.getLineWidth();
        double cap = st.getEndCap() == BasicStroke.CAP_BUTT ? 0 : w / 2;
        List<Line2D> candidates = new ArrayList<>(2);
        if (Math.abs(b.getHeight() - w) < DASH_TOLERANCE && b.getWidth() > 2 * cap) {
            double y = b.getCenterY();
            candidates.add(new Line2D.Double(b.getMinX() + cap, y, b.getMaxX() - cap, y));
            candidates.add(new Line2D.Double(b.getMaxX() - cap, y, b.getMinX() + cap, y));
        } else if (Math.abs(b.getWidth() - w) < DASH_TOLERANCE && b.getHeight() > 2 * cap) {
            double x = b.getCenterX();
            candidates.add(new Line2D.Double(x, b.getMinY() + cap, x, b.getMaxY() - cap));
            candidates.add(new Line2D.Double(x, b.getMaxY() - cap, x, b.getMinY() + cap));
        }
        for (Line2D l : candidates) {
            if (samePath(s, st.createStrokedShape(l), DASH_TOLERANCE)) {
                return l;
            }
        }
        return null;
    }

    /** Whether two shapes have the same path: segment types and coordinates equal. */
    static boolean samePath(Shape a, Shape b) {
        return samePath(a, b, 0);
    }

    /** Whether two shapes have the same path: segment types equal, coordinates to within {@code tol}. */
    static boolean samePath(Shape a, Shape b, double tol) {
        PathIterator i = a.getPathIterator(null);
        PathIterator j = b.getPathIterator(null);
        double[] p = new double[6];
        double[] q = new double[6];
        while (!i.isDone() && !j.isDone()) {
            Arrays.fill(p, 0);
            Arrays.fill(q, 0);
            if (i.currentSegment(p) != j.currentSegment(q)) {
                return false;
            }
            for (int k = 0; k < p.length; k++) {
                if (!(Math.abs(p[k] - q[k]) <= tol)) {
                    return false;
                }
            }
            i.next();
            j.next();
        }
        return i.isDone() && j.isDone() && i.getWindingRule() == j.getWindingRule();
    }
}
