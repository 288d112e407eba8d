package com.lightningpos.hub.dashboard;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Line charts drawn as SVG on the server. Vaadin Charts is a paid component and chart web
 * components would need an npm build that fails here; a few polylines are all a sync health plot
 * needs, and the result is plain markup the browser renders without any script.
 */
public final class SvgChart {

    private static final String[] COLORS = {"#1676f3", "#e8590c", "#2f9e44", "#ae3ec9", "#868e96"};
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 22;

    private SvgChart() {
    }

    /** Series sharing one time axis (they must have the same buckets); the y axis starts at zero. */
    public static String lines(String title, List<TimeSeries> series, int width, int height, ZoneId zone) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"")
                .append(escape(title)).append("\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        double max = niceMax(series.stream().mapToDouble(TimeSeries::max).max().orElse(0));
        String unit = series.isEmpty() ? "" : series.get(0).unit();
        // horizontal grid with labels at 0, half and max
        for (int i = 0; i <= 2; i++) {
            double value = max * i / 2;
            double y = TOP + plotH - plotH * (i / 2.0);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#dee2e6\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4)).append("\" text-anchor=\"end\" fill=\"#495057\">")
                    .append(escape(label(value, unit))).append("</text>");
        }
        int points = series.isEmpty() ? 0 : series.get(0).points().size();
        if (points > 0) {
            DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
            List<TimeSeries.Point> axis = series.get(0).points();
            int[] ticks = {0, points / 2, points - 1};
            String[] anchors = {"start", "middle", "end"};
            for (int i = 0; i < ticks.length; i++) {
                double x = x(ticks[i], points, plotW);
                svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(height - 6).append("\" text-anchor=\"")
                        .append(anchors[i]).append("\" fill=\"#495057\">").append(time.format(axis.get(ticks[i]).at()))
                        .append("</text>");
            }
        }
        for (int s = 0; s < series.size(); s++) {
            TimeSeries one = series.get(s);
            String color = COLORS[s % COLORS.length];
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < one.points().size(); i++) {
                double y = TOP + plotH - (max == 0 ? 0 : plotH * one.points().get(i).value() / max);
                path.append(i == 0 ? "" : " ").append(fmt(x(i, one.points().size(), plotW))).append(',').append(fmt(y));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"")
                    .append(path).append("\"><title>").append(escape(one.name())).append("</title></polyline>");
            svg.append("<rect x=\"").append(LEFT + s * 110).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"")
                    .append(color).append("\"/><text x=\"").append(LEFT + s * 110 + 14).append("\" y=\"15\" fill=\"#212529\">")
                    .append(escape(one.name())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int index, int count, int plotW) {
        return count <= 1 ? LEFT : LEFT + (double) plotW * index / (count - 1);
    }

    /** A round axis maximum (1, 2 or 5 times a power of ten) above the data, at least 1. */
    static double niceMax(double max) {
        if (max <= 1) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value, String unit) {
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return unit == null || unit.isEmpty() ? number : number + " " + unit;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
