package dev.vigil.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How a metric is spread over cases: how many cases have a value, the median and the 90th percentile.
 * The median of an even number of values is the mean of the two middle ones; the 90th percentile is the nearest-rank
 * one, the value at position ceil(0.9 n) in ascending order. Both are null when no case has a value.
 */
public record Distribution(long count, Double median, Double p90) {

    public static final Distribution EMPTY = new Distribution(0, null, null);

    public static Distribution of(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double value : values) {
            if (value != null) {
                sorted.add(value);
            }
        }
        if (sorted.isEmpty()) {
            return EMPTY;
        }
        sorted.sort(Double::compare);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        int rank = (int) Math.ceil(0.9 * n);
        return new Distribution(n, median, sorted.get(Math.max(rank, 1) - 1));
    }
}
