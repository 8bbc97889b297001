package org.forcereturns.report;

import static org.forcereturns.report.Html.esc;
import static org.forcereturns.report.Html.num;

import java.util.ArrayList;
import java.util.List;

/**
 * Two small inline SVG charts: horizontal bars and a line. Each has a {@code <title>} and {@code <desc>}, is
 * labelled for screen readers ({@code role="img"}), scales with the page (viewBox), and escapes every label.
 * The caller puts a data table next to it as the fallback.
 */
public final class SvgCharts {

    /** Width of every chart's coordinate system. */
    public static final int WIDTH = 760;

    static final int LABEL_WIDTH = 200;
    static final int VALUE_WIDTH = 130;
    static final int ROW = 22;
    static final int BAR = 15;
    static final int TOP = 8;

    /** Where the line chart's plot area is. */
    static final int PLOT_LEFT = 70;
    static final int PLOT_RIGHT = WIDTH - 20;
    static final int PLOT_TOP = 16;
    static final int PLOT_BOTTOM = 250;
    static final int LINE_HEIGHT = 320;

    private SvgCharts() {
    }

    /**
     * A bar: its label, its length, the text printed after it, and optionally a part of it drawn darker
     * (e.g. the offences with a platform recorded), null for none. A {@code suppressed} bar has no known value:
     * it is drawn as no bar with its text in place, never as a bar of length 0.
     */
    public record Bar(String label, double value, Double part, String valueText, boolean suppressed) {
        public Bar(String label, double value, Double part, String valueText) {
            this(label, value, part, valueText, false);
        }

        public Bar(String label, double value, String valueText) {
            this(label, value, null, valueText, false);
        }

        /** A bar whose value is withheld. */
        public static Bar suppressed(String label, String valueText) {
            return new Bar(label, 0, null, valueText, true);
        }
    }

    /**
     * A point of a line chart: its x-axis label, its value (null when suppressed: no value is plotted, and the
     * line breaks there), the text of its tooltip, whether the value is only a lower bound (some of it
     * suppressed: drawn as a hollow dashed marker), and the line it belongs to: a point whose {@code line} differs
     * from the previous point's starts a new line, with {@code lineLabel} (if any) written over its start
     * (e.g. "7 forces reporting").
     */
    public record Point(String label, Double value, String valueText, boolean lowerBound, int line,
                        String lineLabel) {
        public Point(String label, double value, String valueText) {
            this(label, value, valueText, false, 0, null);
        }
    }

    /** Bar length in chart units for a value, the largest value filling the bar area. Zero if max is not positive. */
    static double barLength(double value, double max) {
        double area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        if (!(max > 0) || !(value > 0)) {
            return 0;
        }
        return area * Math.min(value, max) / max;
    }

    /** A horizontal bar chart, one row per bar, in the given order. */
    public static String horizontalBars(String id, String title, String description, List<Bar> bars,
                                        String partLegend) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        boolean parts = partLegend != null && bars.stream().anyMatch(b -> b.part() != null);
        int legend = parts ? ROW + 4 : 0;
        int height = TOP * 2 + legend + Math.max(1, bars.size()) * ROW;
        StringBuilder svg = open(id, title, description, height, "bars");
        if (bars.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(TOP + 15)
                    .append("\" text-anchor=\"middle\" class=\"muted\">No data</text>");
        }
        if (parts) {
            svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(TOP + 3)
                    .append("\" width=\"14\" height=\"12\" class=\"bar\"/><text x=\"").append(LABEL_WIDTH + 20)
                    .append("\" y=\"").append(TOP + 14).append("\">all offences</text>");
            svg.append("<rect x=\"").append(LABEL_WIDTH + 130).append("\" y=\"").append(TOP + 3)
                    .append("\" width=\"14\" height=\"12\" class=\"part\"/><text x=\"").append(LABEL_WIDTH + 150)
                    .append("\" y=\"").append(TOP + 14).append("\">").append(esc(partLegend)).append("</text>");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + legend + i * ROW;
            double length = b.suppressed() ? 0 : barLength(b.value(), max);
            svg.append("<g class=\"row").append(b.suppressed() ? " suppressed" : "").append("\"><title>")
                    .append(esc(b.label())).append(": ").append(esc(b.valueText())).append("</title>");
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(num(y + 12))
                    .append("\" text-anchor=\"end\">").append(esc(Html.shorten(b.label(), 30))).append("</text>");
            if (b.suppressed()) {
                svg.append("<text class=\"value suppressed\" x=\"").append(LABEL_WIDTH + 6).append("\" y=\"")
                        .append(num(y + 12)).append("\">").append(esc(b.valueText())).append("</text></g>");
                continue;
            }
            svg.append("<rect class=\"bar\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(num(y + 1))
                    .append("\" width=\"").append(num(length)).append("\" height=\"").append(BAR).append("\"/>");
            if (parts && b.part() != null) {
                svg.append("<rect class=\"part\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(num(y + 1))
                        .append("\" width=\"").append(num(barLength(b.part(), max))).append("\" height=\"")
                        .append(BAR).append("\"/>");
            }
            svg.append("<text class=\"value\" x=\"").append(num(LABEL_WIDTH + length + 6)).append("\" y=\"")
                    .append(num(y + 12)).append("\">").append(esc(b.valueText())).append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** x of the i-th of n points, evenly spread over the plot area (one point sits in the middle). */
    static double pointX(int i, int n) {
        if (n <= 1) {
            return (PLOT_LEFT + PLOT_RIGHT) / 2.0;
        }
        return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (double) i / (n - 1);
    }

    /** y of a value on an axis from 0 (bottom) to top (top of the plot area). */
    static double pointY(double value, double top) {
        if (!(top > 0)) {
            return PLOT_BOTTOM;
        }
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * Math.max(0, value) / top;
    }

    /** A "nice" axis step (1, 2 or 5 times a power of ten) giving about five ticks up to max. */
    static double niceStep(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return Math.max(1, nice * magnitude);
    }

    /**
     * A line chart with an axis from zero, points in the given order, x labels under the points. Points are
     * joined only within one line (see {@link Point}); a dashed rule marks where a new line starts.
     */
    public static String line(String id, String title, String description, List<Point> points) {
        StringBuilder svg = open(id, title, description, LINE_HEIGHT, "line");
        double max = points.stream().filter(p -> p.value() != null).mapToDouble(Point::value).max().orElse(0);
        double step = niceStep(max);
        double top = Math.max(step, Math.ceil(max / step) * step);
        for (double v = 0; v <= top + step / 2; v += step) {
            double y = pointY(v, top);
            svg.append("<line class=\"grid\" x1=\"").append(PLOT_LEFT).append("\" x2=\"").append(PLOT_RIGHT)
                    .append("\" y1=\"").append(num(y)).append("\" y2=\"").append(num(y)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(PLOT_LEFT - 8).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(esc(Html.count(Math.round(v)))).append("</text>");
        }
        if (points.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(PLOT_BOTTOM / 2)
                    .append("\" text-anchor=\"middle\" class=\"muted\">No data</text>");
            return svg.append("</svg>").toString();
        }
        int n = points.size();
        List<String> coords = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            boolean newLine = i > 0 && i < n && points.get(i).line() != points.get(i - 1).line();
            if (i == n || newLine || points.get(i).value() == null) {
                polyline(svg, coords);
                coords.clear();
            }
            if (i == n) {
                break;
            }
            Point p = points.get(i);
            double x = pointX(i, n);
            if (newLine) {
                double rule = (pointX(i - 1, n) + x) / 2;
                svg.append("<line class=\"break\" x1=\"").append(num(rule)).append("\" x2=\"").append(num(rule))
                        .append("\" y1=\"").append(PLOT_TOP).append("\" y2=\"").append(PLOT_BOTTOM).append("\"/>");
            }
            if ((i == 0 || newLine) && p.lineLabel() != null) {
                svg.append("<text class=\"line-label\" x=\"").append(num(x)).append("\" y=\"").append(PLOT_TOP - 4)
                        .append("\" text-anchor=\"").append(i == n - 1 && n > 1 ? "end" : "start").append("\">")
                        .append(esc(p.lineLabel())).append("</text>");
            }
            if (p.value() != null) {
                coords.add(num(x) + "," + num(pointY(p.value(), top)));
            }
        }
        int labelEvery = Math.max(1, (int) Math.ceil(n / 16.0));
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double x = pointX(i, n);
            svg.append("<g class=\"point").append(p.value() == null ? " suppressed" : p.lowerBound() ? " lower-bound" : "")
                    .append("\"><title>").append(esc(p.label())).append(": ").append(esc(p.valueText())).append("</title>");
            if (p.value() == null) {
                // No value to plot: the word in place of the marker, clear of the zero line.
                svg.append("<text class=\"suppressed\" x=\"").append(num(x)).append("\" y=\"")
                        .append(num((PLOT_TOP + PLOT_BOTTOM) / 2.0)).append("\" text-anchor=\"middle\">suppressed</text></g>");
            } else {
                svg.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(pointY(p.value(), top)))
                        .append("\" r=\"4.5\"/></g>");
            }
            if (i % labelEvery == 0) {
                svg.append("<text class=\"axis\" transform=\"translate(").append(num(x)).append(',')
                        .append(PLOT_BOTTOM + 14).append(") rotate(-40)\" text-anchor=\"end\">")
                        .append(esc(Html.shorten(p.label(), 16))).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** One joined line through the points given; nothing for fewer than two (a lone point is its marker). */
    private static void polyline(StringBuilder svg, List<String> coords) {
        if (coords.size() >= 2) {
            svg.append("<polyline class=\"trend\" points=\"").append(String.join(" ", coords)).append("\"/>");
        }
    }

    private static StringBuilder open(String id, String title, String description, int height, String kind) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "-");
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(kind).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-labelledby=\"").append(safeId).append("-title ")
                .append(safeId).append("-desc\" id=\"").append(safeId).append("\">");
        svg.append("<title id=\"").append(safeId).append("-title\">").append(esc(title)).append("</title>");
        svg.append("<desc id=\"").append(safeId).append("-desc\">").append(esc(description)).append("</desc>");
        return svg;
    }
}
