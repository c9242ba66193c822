package dev.categorizer.common.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of one or more series over shared axes, with optional marked points: a precision-recall curve
 * with its chosen threshold, or the loss of each training epoch. Axis ranges are fixed ({@link #xRange},
 * {@link #yRange}) or follow the data.
 *
 * <pre>{@code
 * String svg = new SvgLineChart("pr-Drama", "Drama", "recall", "precision", 240, 200)
 *         .xRange(0, 1).yRange(0, 1)
 *         .series("curve", recalls, precisions)
 *         .marker(0.71, 0.64, "threshold 0.42: precision 0.64, recall 0.71")
 *         .toSvg();
 * }</pre>
 */
public final class SvgLineChart {
    private static final int LEFT = 46;
    private static final int RIGHT = 12;
    private static final int TOP = 22;
    private static final int BOTTOM = 36;

    private final String name;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final int width;
    private final int height;
    private final List<String> seriesNames = new ArrayList<>();
    private final List<double[][]> seriesPoints = new ArrayList<>();
    private final List<double[]> markers = new ArrayList<>();
    private final List<String> markerTips = new ArrayList<>();
    private Double xMin;
    private Double xMax;
    private Double yMin;
    private Double yMax;
    private String note;

    public SvgLineChart(String name, String title, String xTitle, String yTitle, int width, int height) {
        this.name = name;
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.width = width;
        this.height = height;
    }

    public SvgLineChart xRange(double min, double max) {
        xMin = min;
        xMax = max;
        return this;
    }

    public SvgLineChart yRange(double min, double max) {
        yMin = min;
        yMax = max;
        return this;
    }

    /** Adds a series; points with a NaN coordinate are left out. */
    public SvgLineChart series(String seriesName, double[] xs, double[] ys) {
        if (xs.length != ys.length) throw new IllegalArgumentException("xs and ys differ in length");
        seriesNames.add(seriesName);
        seriesPoints.add(new double[][] {xs.clone(), ys.clone()});
        return this;
    }

    /** Marks one point, drawn as a dot with {@code tooltip}. */
    public SvgLineChart marker(double x, double y, String tooltip) {
        markers.add(new double[] {x, y});
        markerTips.add(tooltip);
        return this;
    }

    /** A line of text inside the plot (such as "no positive test video"). */
    public SvgLineChart note(String text) {
        note = text;
        return this;
    }

    public String toSvg() {
        SvgCanvas svg = new SvgCanvas(name, title, width, height);
        LinearScale x = LinearScale.linear(xMin != null ? xMin : min(0), xMax != null ? xMax : max(0),
                LEFT, width - RIGHT);
        LinearScale y = LinearScale.linear(yMin != null ? yMin : min(1), yMax != null ? yMax : max(1),
                height - BOTTOM, TOP);
        svg.text(LEFT, 14, title, "start", "chart-title");
        SvgAxes.draw(svg, x, y, xTitle, yTitle, 4);
        for (int s = 0; s < seriesPoints.size(); s++) {
            double[][] xy = seriesPoints.get(s);
            List<double[]> pixels = new ArrayList<>();
            for (int i = 0; i < xy[0].length; i++) {
                if (Double.isNaN(xy[0][i]) || Double.isNaN(xy[1][i])) continue;
                pixels.add(new double[] {x.map(xy[0][i]), y.map(xy[1][i])});
            }
            svg.polyline(pixels, "line series-" + s);
            if (pixels.size() == 1) svg.circle(pixels.get(0)[0], pixels.get(0)[1], 2.5, "dot series-" + s, null);
        }
        for (int m = 0; m < markers.size(); m++) {
            svg.circle(x.map(markers.get(m)[0]), y.map(markers.get(m)[1]), 4, "marker", markerTips.get(m));
        }
        if (seriesNames.size() > 1) {
            for (int s = 0; s < seriesNames.size(); s++) {
                double lx = width - RIGHT - 90.0 * (seriesNames.size() - s);
                svg.line(lx, TOP + 8, lx + 14, TOP + 8, "line series-" + s);
                svg.text(lx + 18, TOP + 12, seriesNames.get(s), "start", "tick");
            }
        }
        if (note != null) svg.text((LEFT + width - RIGHT) / 2.0, (TOP + height - BOTTOM) / 2.0, note, "middle", "note");
        return svg.toSvg();
    }

    private double min(int axis) {
        double m = Double.POSITIVE_INFINITY;
        for (double[][] s : seriesPoints) for (double v : s[axis]) if (!Double.isNaN(v)) m = Math.min(m, v);
        return Double.isInfinite(m) ? 0 : m;
    }

    private double max(int axis) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[][] s : seriesPoints) for (double v : s[axis]) if (!Double.isNaN(v)) m = Math.max(m, v);
        return Double.isInfinite(m) ? 1 : m;
    }
}
