package dev.peering.console.service;

/** The banner's words while live updates are paused. */
public final class LiveBanner {

    public static final String PAUSED =
            "Live updates are paused: the event broker is not answering. Pages still work; reload to see changes.";

    private LiveBanner() {}
}
