package dev.categorizer.common.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps a data interval onto a pixel interval, linearly or (for counts spanning orders of magnitude) by log10,
 * and proposes round tick values.
 *
 * <pre>{@code
 * LinearScale x = LinearScale.linear(0, 1, 40, 240); // x.map(0.5) == 140
 * LinearScale counts = LinearScale.log(1, 5000, 40, 240);
 * }</pre>
 */
record LinearScale(double domainMin, double domainMax, double rangeMin, double rangeMax, boolean log) {

    static LinearScale linear(double domainMin, double domainMax, double rangeMin, double rangeMax) {
        if (!(domainMax > domainMin)) domainMax = domainMin + 1; // a flat series still gets an axis
        return new LinearScale(domainMin, domainMax, rangeMin, rangeMax, false);
    }

    static LinearScale log(double domainMin, double domainMax, double rangeMin, double rangeMax) {
        double lo = Math.max(1e-9, domainMin);
        double hi = Math.max(lo * 10, domainMax);
        return new LinearScale(lo, hi, rangeMin, rangeMax, true);
    }

    double map(double value) {
        double t = log
                ? (Math.log10(Math.max(value, domainMin)) - Math.log10(domainMin))
                        / (Math.log10(domainMax) - Math.log10(domainMin))
                : (value - domainMin) / (domainMax - domainMin);
        return rangeMin + t * (rangeMax - rangeMin);
    }

    /** About {@code count} round values within the domain: 1-2-5 steps, or powers of ten on a log scale. */
    List<Double> ticks(int count) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double v = Math.pow(10, Math.ceil(Math.log10(domainMin))); v <= domainMax * 1.0001; v *= 10) {
                ticks.add(v);
            }
            return ticks;
        }
        double raw = (domainMax - domainMin) / Math.max(1, count);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * magnitude;
            if (step >= raw) break;
        }
        for (double v = Math.ceil(domainMin / step) * step; v <= domainMax + step * 1e-6; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return ticks;
    }
}
