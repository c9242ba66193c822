package dev.categorizer.common.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A scatter plot of named points, the x axis on a log scale when asked: F1 against how often a category occurs,
 * one dot per category with its name in the tooltip.
 *
 * <pre>{@code
 * String svg = new SvgScatterChart("f1-by-frequency", "F1 against frequency", "support (log)", "F1", true)
 *         .yRange(0, 1)
 *         .point("Drama", 412, 0.71)
 *         .toSvg();
 * }</pre>
 */
public final class SvgScatterChart {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 24;
    private static final int BOTTOM = 40;

    private final String name;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logX;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();
    private double yMin = 0;
    private double yMax = 1;

    public SvgScatterChart(String name, String title, String xTitle, String yTitle, boolean logX) {
        this.name = name;
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.logX = logX;
    }

    public SvgScatterChart yRange(double min, double max) {
        yMin = min;
        yMax = max;
        return this;
    }

    /** Adds a point; on a log scale, x below 1 is drawn at 1. */
    public SvgScatterChart point(String pointName, double x, double y) {
        names.add(pointName);
        points.add(new double[] {x, y});
        return this;
    }

    public String toSvg() {
        double xLo = Double.POSITIVE_INFINITY;
        double xHi = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            xLo = Math.min(xLo, p[0]);
            xHi = Math.max(xHi, p[0]);
        }
        if (points.isEmpty()) {
            xLo = 1;
            xHi = 10;
        }
        // A log axis from a power of ten to a power of ten, so that no point sits on the frame.
        LinearScale x = logX ? LinearScale.log(Math.pow(10, Math.floor(Math.log10(Math.max(1, xLo)))),
                        Math.pow(10, Math.ceil(Math.log10(Math.max(10, xHi)))), LEFT, WIDTH - RIGHT)
                : LinearScale.linear(Math.min(0, xLo), xHi, LEFT, WIDTH - RIGHT);
        LinearScale y = LinearScale.linear(yMin, yMax, HEIGHT - BOTTOM, TOP);
        SvgCanvas svg = new SvgCanvas(name, title, WIDTH, HEIGHT);
        SvgAxes.draw(svg, x, y, xTitle, yTitle, 5);
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            svg.circle(x.map(p[0]), y.map(p[1]), 4, "dot series-0",
                    names.get(i) + ": " + yTitle + " " + Html.number(p[1]) + ", " + xTitle + " " + SvgAxes.tick(p[0]));
        }
        if (points.isEmpty()) svg.text(WIDTH / 2.0, HEIGHT / 2.0, "nothing to show", "middle", "note");
        return svg.toSvg();
    }
}
