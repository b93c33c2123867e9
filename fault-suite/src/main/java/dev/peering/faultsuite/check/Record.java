package dev.peering.faultsuite.check;

/** One record of a topic as the checker read it. */
public record Record(String topic, int partition, long offset, String key, String value) {}
