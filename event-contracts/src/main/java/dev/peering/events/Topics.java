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

    /**
     * The compacted state topics (ADR 0022): one record per resource id with its latest snapshot, a tombstone
     * (null value) when the resource is gone. An integration rebuilds the current picture from offset 0.
     */
    public static final String PEER_ASNS_STATE = "peering.peer-asns.state";

    public static final String PEERINGS_STATE = "peering.peerings.state";
    public static final String CONNECTIONS_STATE = "peering.connections.state";
    public static final String REGISTERED_ASNS_STATE = "peering.registered-asns.state";

    private Topics() {}
}
