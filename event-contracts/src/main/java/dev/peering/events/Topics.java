package dev.peering.events;

/**
 * Default names of the topics, one per publishing service. The names the services really use come from
 * configuration ({@code mp.messaging.*.topic}); these are the defaults written there and in the AsyncAPI
 * document.
 */
public final class Topics {

    public static final String PEER_ASN_EVENTS = "peering.peer-asn-events";
    public static final String PEERING_EVENTS = "peering.peering-events";
    public static final String CONNECTION_EVENTS = "peering.connection-events";
    public static final String REGISTRATION_EVENTS = "peering.registration-events";

    private Topics() {}
}
