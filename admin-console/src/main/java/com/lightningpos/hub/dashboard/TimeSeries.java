package com.lightningpos.hub.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Values per time bucket, oldest first, with no gaps (empty buckets hold 0). */
public record TimeSeries(String name, String unit, Duration bucket, List<Point> points) {

    public record Point(Instant at, double value) {
    }

    public double max() {
        return points.stream().mapToDouble(Point::value).max().orElse(0);
    }

    public double total() {
        return points.stream().mapToDouble(Point::value).sum();
    }
}
