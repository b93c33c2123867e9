package dev.peering.bench;

import java.util.Arrays;

/** A thread-safe, growable list of latency samples in milliseconds. */
public final class Samples {

    private double[] values = new double[1024];
    private int size;

    public synchronized void add(double millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    public void addNanos(long nanos) {
        add(nanos / 1_000_000.0);
    }

    public synchronized int size() {
        return size;
    }

    public synchronized double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    public Percentiles summary() {
        return Percentiles.of(toArray());
    }
}
