package dev.categorizer.common.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart: one row per item (a category, a metric) with one bar per series (the model, the
 * baseline), values from 0 to a maximum. Its height follows the number of rows, so hundreds of categories stay
 * readable; long names are shortened on screen and shown whole in the tooltip.
 *
 * <pre>{@code
 * String svg = new SvgBarChart("overall", "Overall metrics", List.of("model", "baseline"), 1.0)
 *         .row("micro F1", 0.61, 0.55)
 *         .row("macro F1", 0.40, 0.38)
 *         .toSvg();
 * }</pre>
 */
public final class SvgBarChart {
    private static final int WIDTH = 480; // beside a table of seven columns in a window 1200 px wide
    private static final int BAR = 12;
    private static final int GAP = 6;
    private static final int TOP = 28;
    private static final int BOTTOM = 36;
    private static final int MAX_NAME = 28;

    private final String name;
    private final String title;
    private final List<String> series;
    private final double maxValue;
    private final List<String> rowNames = new ArrayList<>();
    private final List<double[]> rowValues = new ArrayList<>();

    /**
     * @param name the chart's {@code data-chart} name
     * @param series one name per bar of a row, in order (shown in the legend when more than one)
     * @param maxValue the value of a full-width bar (1 for metrics); larger values are clipped
     */
    public SvgBarChart(String name, String title, List<String> series, double maxValue) {
        if (series.isEmpty()) throw new IllegalArgumentException("a bar chart needs a series");
        this.name = name;
        this.title = title;
        this.series = List.copyOf(series);
        this.maxValue = maxValue > 0 ? maxValue : 1;
    }

    /** Adds a row with one value per series; NaN draws no bar. */
    public SvgBarChart row(String rowName, double... values) {
        if (values.length != series.size()) {
            throw new IllegalArgumentException(values.length + " values for " + series.size() + " series");
        }
        rowNames.add(rowName);
        rowValues.add(values.clone());
        return this;
    }

    public String toSvg() {
        int rowHeight = BAR * series.size() + GAP;
        int height = TOP + Math.max(1, rowNames.size()) * rowHeight + BOTTOM;
        int left = 20 + 7 * Math.min(MAX_NAME, longestName());
        SvgCanvas svg = new SvgCanvas(name, title, WIDTH, height);
        LinearScale x = LinearScale.linear(0, maxValue, left, WIDTH - 20);
        SvgAxes.drawValueAxis(svg, x, TOP, height - BOTTOM, 5);
        for (int r = 0; r < rowNames.size(); r++) {
            double rowTop = TOP + r * rowHeight + GAP / 2.0;
            String rowName = rowNames.get(r);
            svg.text(left - 6, rowTop + rowHeight / 2.0 + 2, shorten(rowName), "end", "tick");
            for (int s = 0; s < series.size(); s++) {
                double v = rowValues.get(r)[s];
                if (Double.isNaN(v)) continue;
                double w = x.map(Math.min(v, maxValue)) - left;
                svg.rect(left, rowTop + s * BAR, Math.max(1, w), BAR - 1, "bar series-" + s,
                        rowName + " (" + series.get(s) + "): " + Html.number(v));
            }
        }
        if (series.size() > 1) legend(svg);
        if (rowNames.isEmpty()) svg.text(WIDTH / 2.0, TOP + 16, "nothing to show", "middle", "note");
        return svg.toSvg();
    }

    private void legend(SvgCanvas svg) {
        double x = WIDTH - 20 - 110.0 * series.size();
        for (int s = 0; s < series.size(); s++) {
            svg.rect(x + 110 * s, 8, 12, 12, "bar series-" + s, series.get(s));
            svg.text(x + 110 * s + 16, 18, series.get(s), "start", "tick");
        }
    }

    private int longestName() {
        int n = 4;
        for (String r : rowNames) n = Math.max(n, r.length());
        return n;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME - 1) + "…";
    }
}
