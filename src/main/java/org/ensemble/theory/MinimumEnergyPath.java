package org.ensemble.theory;

import java.util.Comparator;
import java.util.List;

/**
 * The critical points met along a minimum-energy path, in path order: minimum, saddle, minimum,
 * …, saddle, minimum. Intermediate minima (such as Müller–Brown's shallow C between A and B) are
 * listed where the path passes them.
 */
public record MinimumEnergyPath(List<StationaryPoint> points) {
    public MinimumEnergyPath {
        points = List.copyOf(points);
        if (points.isEmpty() || !points.get(0).isMinimum() || !points.get(points.size() - 1).isMinimum()) {
            throw new IllegalArgumentException("a path runs from a minimum to a minimum: " + points);
        }
        for (int i = 0; i < points.size(); i++) {
            boolean expectMinimum = i % 2 == 0;
            if (points.get(i).isMinimum() != expectMinimum) {
                throw new IllegalArgumentException("minima and saddles must alternate along a path: " + points);
            }
        }
    }

    public StationaryPoint start() {
        return points.get(0);
    }

    public StationaryPoint end() {
        return points.get(points.size() - 1);
    }

    /** Minima in path order, end points included. */
    public List<StationaryPoint> minima() {
        return points.stream().filter(StationaryPoint::isMinimum).toList();
    }

    /** Saddles in path order. */
    public List<StationaryPoint> saddles() {
        return points.stream().filter(p -> !p.isMinimum()).toList();
    }

    /** The highest saddle: the one an escape from the start must cross. Empty path (start = end): none. */
    public java.util.Optional<StationaryPoint> criticalSaddle() {
        return saddles().stream().max(Comparator.comparingDouble(StationaryPoint::energy));
    }
}
