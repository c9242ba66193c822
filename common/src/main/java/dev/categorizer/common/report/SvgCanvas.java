package dev.categorizer.common.report;

import java.util.List;

/**
 * Collects SVG elements for one chart and writes them as an inline {@code <svg>} with a fixed width, height and
 * viewBox (so the browser lays it out at that size), a {@code data-chart} name for tests and a {@code <title>}
 * for screen readers. Every text and tooltip is escaped. Styling comes from CSS classes of the page.
 *
 * <pre>{@code
 * SvgCanvas svg = new SvgCanvas("f1-by-frequency", "F1 against frequency", 480, 320);
 * svg.line(40, 280, 460, 280, "axis").text(250, 310, "support", "middle", "label");
 * String markup = svg.toSvg();
 * }</pre>
 */
final class SvgCanvas {
    private final String name;
    private final String title;
    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder(4096);

    SvgCanvas(String name, String title, int width, int height) {
        this.name = name;
        this.title = title;
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    SvgCanvas line(double x1, double y1, double x2, double y2, String cssClass) {
        body.append("<line x1=\"").append(c(x1)).append("\" y1=\"").append(c(y1)).append("\" x2=\"").append(c(x2))
                .append("\" y2=\"").append(c(y2)).append("\" class=\"").append(Html.escape(cssClass)).append("\"/>");
        return this;
    }

    SvgCanvas rect(double x, double y, double w, double h, String cssClass, String tooltip) {
        body.append("<rect x=\"").append(c(x)).append("\" y=\"").append(c(y)).append("\" width=\"")
                .append(c(Math.max(0, w))).append("\" height=\"").append(c(Math.max(0, h))).append("\" class=\"")
                .append(Html.escape(cssClass)).append("\">");
        tooltip(tooltip);
        body.append("</rect>");
        return this;
    }

    SvgCanvas circle(double cx, double cy, double r, String cssClass, String tooltip) {
        body.append("<circle cx=\"").append(c(cx)).append("\" cy=\"").append(c(cy)).append("\" r=\"").append(c(r))
                .append("\" class=\"").append(Html.escape(cssClass)).append("\">");
        tooltip(tooltip);
        body.append("</circle>");
        return this;
    }

    /** A polyline through {@code points} ({x, y} pixel pairs). */
    SvgCanvas polyline(List<double[]> points, String cssClass) {
        if (points.isEmpty()) return this;
        body.append("<polyline fill=\"none\" class=\"").append(Html.escape(cssClass)).append("\" points=\"");
        for (double[] p : points) body.append(c(p[0])).append(',').append(c(p[1])).append(' ');
        body.setLength(body.length() - 1);
        body.append("\"/>");
        return this;
    }

    /** Text at (x, y); {@code anchor} is start, middle or end. */
    SvgCanvas text(double x, double y, String text, String anchor, String cssClass) {
        body.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(y)).append("\" text-anchor=\"")
                .append(Html.escape(anchor)).append("\" class=\"").append(Html.escape(cssClass)).append("\">")
                .append(Html.escape(text)).append("</text>");
        return this;
    }

    /** Text rotated by -90° around (x, y): a vertical axis title. */
    SvgCanvas verticalText(double x, double y, String text, String cssClass) {
        body.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(y)).append("\" text-anchor=\"middle\"")
                .append(" transform=\"rotate(-90 ").append(c(x)).append(' ').append(c(y)).append(")\" class=\"")
                .append(Html.escape(cssClass)).append("\">").append(Html.escape(text)).append("</text>");
        return this;
    }

    private void tooltip(String tooltip) {
        if (tooltip != null && !tooltip.isEmpty()) body.append("<title>").append(Html.escape(tooltip)).append("</title>");
    }

    String toSvg() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"" + Html.escape(name)
                + "\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height
                + "\" role=\"img\" aria-label=\"" + Html.escape(title) + "\"><title>" + Html.escape(title)
                + "</title>" + body + "</svg>";
    }

    private static String c(double v) {
        return Html.coordinate(v);
    }
}
