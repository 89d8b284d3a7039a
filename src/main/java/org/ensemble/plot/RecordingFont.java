package org.ensemble.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;

/**
 * A font that tells a listener which text is being laid out in it, and otherwise is the font it
 * copies (same family, style, size: it draws the same glyphs). XChart draws every text as the
 * filled outline of a {@code TextLayout}; the layout's constructor asks its font for the line
 * metrics of the whole text ({@code getLineMetrics(char[], 0, n, frc)}, on JDK 17 and 25), which is
 * where this font hears it. {@link SvgGraphics} then recognises the outline when it is filled.
 */
final class RecordingFont extends Font {
    private static final long serialVersionUID = 1L;

    /** Hears each text laid out in a recording font. */
    interface Listener {
        void laidOut(String text, Font font, FontRenderContext frc);
    }

    private final transient Font plain;
    private final transient Listener listener;

    RecordingFont(Font plain, Listener listener) {
        super(plain);
        this.plain = plain;
        this.listener = listener;
    }

    /** The font this one copies. */
    Font plain() {
        return plain;
    }

    @Override
    public LineMetrics getLineMetrics(char[] chars, int beginIndex, int limit, FontRenderContext frc) {
        if (limit > beginIndex) {
            listener.laidOut(new String(chars, beginIndex, limit - beginIndex), plain, frc);
        }
        return super.getLineMetrics(chars, beginIndex, limit, frc);
    }
}
