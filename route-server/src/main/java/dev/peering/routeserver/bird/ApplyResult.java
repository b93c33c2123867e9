package dev.peering.routeserver.bird;

/** What applying a configuration did, with BIRD's own words. */
public record ApplyResult(Outcome outcome, String message) {

    public enum Outcome {
        /** Written and read by the router ({@code Reconfigured} or {@code Reconfiguration in progress}). */
        APPLIED,
        /** The live file already holds this text: nothing written, the router not disturbed. */
        UNCHANGED,
        /** {@code bird -p} refused the text: nothing written, the running router untouched. */
        REJECTED,
        /** The router refused the file that {@code bird -p} accepted: the previous file is back in place. */
        REFUSED_BY_ROUTER,
        /** Written, but the router's control socket did not answer: it reads the file when it starts. */
        ROUTER_UNREACHABLE
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED || outcome == Outcome.UNCHANGED;
    }
}
