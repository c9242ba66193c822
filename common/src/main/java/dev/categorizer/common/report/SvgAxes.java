package dev.categorizer.common.report;

import java.util.Locale;

/** Draws a chart's plot frame: both axes with grid lines, tick labels and axis titles. */
final class SvgAxes {

    private SvgAxes() {}

    static void draw(SvgCanvas svg, LinearScale x, LinearScale y, String xTitle, String yTitle, int ticks) {
        double left = x.rangeMin();
        double right = x.rangeMax();
        double bottom = y.rangeMin();
        double top = y.rangeMax();
        for (double v : y.ticks(ticks)) {
            double py = y.map(v);
            svg.line(left, py, right, py, "grid");
            svg.text(left - 4, py + 4, tick(v), "end", "tick");
        }
        for (double v : x.ticks(ticks)) {
            double px = x.map(v);
            svg.line(px, bottom, px, bottom + 4, "axis");
            svg.text(px, bottom + 16, tick(v), "middle", "tick");
        }
        svg.line(left, bottom, right, bottom, "axis");
        svg.line(left, bottom, left, top, "axis");
        if (xTitle != null) svg.text((left + right) / 2, svg.height() - 4, xTitle, "middle", "axis-title");
        if (yTitle != null) svg.verticalText(12, (top + bottom) / 2, yTitle, "axis-title");
    }

    /** A bar chart's axis: vertical grid lines at the value ticks between {@code top} and {@code bottom}. */
    static void drawValueAxis(SvgCanvas svg, LinearScale x, double top, double bottom, int ticks) {
        for (double v : x.ticks(ticks)) {
            double px = x.map(v);
            svg.line(px, top, px, bottom, "grid");
            svg.text(px, bottom + 16, tick(v), "middle", "tick");
        }
        svg.line(x.rangeMin(), bottom, x.rangeMax(), bottom, "axis");
        svg.line(x.rangeMin(), top, x.rangeMin(), bottom, "axis");
    }

    /** A tick value as short as it can be: 0.25, 3, 1e+04 stays 10000. */
    static String tick(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
