package dev.peering.bench;

/** The targets of issue #12 that the report holds each figure against. */
final class Targets {

    private Targets() {}

    static final double WORKFLOWS_PER_SECOND = 100;
    static final double IDLE_P50_MS = 1000;
    static final double P99_AT_50_MS = 5000;
    static final double HOP_P99_MS = 50;
    static final double GET_P99_MS = 10;
    static final double GET_GROWTH = 2;
    static final double RSS_MB = 1536;
    static final double READY_S = 15;
}
