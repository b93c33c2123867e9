package dev.peering.faultsuite.drive;

import dev.peering.faultsuite.stack.Service;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The seed's story for one exchange operator, through REST only: associate a PeerAsn, create a peering
 * with one connection at once (while the PeerAsn is still Pending), wait for the connection to be
 * Active with both BGP sessions Established, register a customer ASN and read its Prefix Key.
 *
 * <p>Some workflows add what a person does ({@link OperatorActions}): by {@code index % 8}, 2 the operator
 * approves the PeerAsn, 6 rejects it (the workflow ends there), 4 blocks and unblocks the connection, 0 fails
 * and retries it (every sixteenth as soon as it exists, the others once it is provisioned a little); by
 * {@code index % 4}, 1 the peer removes what it made one by one, 3 the operator deprovisions the peering.
 *
 * <p>Each workflow has its own subscription, ASNs and session address, so workflows never collide.
 */
public final class Workflow {

    /** Peer addresses start above the route servers' and end before the LAN's broadcast address. */
    private static final int FIRST_PEER_HOST = 64;

    /** Two facilities times the hosts of a /22 above {@link #FIRST_PEER_HOST}. */
    public static final int MAX_WORKFLOWS = 2 * (1023 - FIRST_PEER_HOST);

    private static final String RESOURCE_GROUP = "rg-fault";

    private final int index;
    private final Function<Service, String> urls;
    private final Ledger ledger;
    private final Steps steps;
    private final OperatorActions operator;
    private final String subscription;
    private final String connectionIdentifier;

    public Workflow(
            int index, String runId, Function<Service, String> urls, Arm arm, Ledger ledger, Duration stepTimeout) {
        this.index = index;
        this.urls = urls;
        this.ledger = ledger;
        this.steps = new Steps(index, arm, ledger, stepTimeout);
        this.subscription = "fault-" + runId + "-" + index;
        this.connectionIdentifier =
                UUID.nameUUIDFromBytes((runId + "/" + index).getBytes()).toString();
        this.operator = new OperatorActions(steps, ledger, peeringPath(), connectionIdentifier);
    }

    /** ASNs in 200000..299999 and 300000..399999 are public (none is reserved, private or documentation). */
    private long peerAsn() {
        return 200_000L + index;
    }

    private long customerAsn() {
        return 300_000L + index;
    }

    private String peerAsnPath() {
        return "/subscriptions/" + subscription + "/providers/Microsoft.Peering/peerAsns/asn" + index;
    }

    private String peeringPath() {
        return "/subscriptions/" + subscription + "/resourceGroups/" + RESOURCE_GROUP
                + "/providers/Microsoft.Peering/peerings/peering" + index;
    }

    private String registeredAsnPath() {
        return peeringPath() + "/registeredAsns/customer" + index;
    }

    public void run() throws InterruptedException {
        ledger.started(index);
        try {
            String peerAsnUrl = urls.apply(Service.ASN) + peerAsnPath();
            Arm.Attempts peerAsn = steps.put(Ack.Kind.PEER_ASN, peerAsnUrl, peerAsnBody(), reply -> false);
            String decided =
                    switch (index % 8) {
                        case 2 -> operator.decide(peerAsnUrl, "approve", null);
                        case 6 -> operator.decide(peerAsnUrl, "reject", "{\"reason\":\"The fault suite rejects it.\"}");
                        default -> "Approved";
                    };
            ledger.expected()
                    .peerAsnAcknowledged(
                            peerAsnPath(), peerAsn.last().orElseThrow().status(), peerAsn.unanswered(), decided);
            if (decided.equals("Failed")) {
                ledger.settled(new Ack(Ack.Kind.PEER_ASN_REJECTED, index, peerAsnUrl));
                ledger.finished(index, subscription);
                return;
            }

            String peeringUrl = urls.apply(Service.PEERING) + peeringPath();
            // peering-service learns of the PeerAsn from its event; until then it refuses the name.
            steps.put(
                    Ack.Kind.PEERING,
                    peeringUrl,
                    peeringBody(),
                    reply -> reply.status() == 400
                            && reply.body()
                                    .path("error")
                                    .path("message")
                                    .asText()
                                    .contains("names no PeerAsn"));
            ledger.expected().peeringAcknowledged(peeringPath(), connectionIdentifier);
            String connectionUrl =
                    urls.apply(Service.CONNECTION) + peeringPath() + "/connections/" + connectionIdentifier;
            ledger.acknowledged(new Ack(Ack.Kind.CONNECTION, index, connectionUrl));
            ledger.expected().connectionAcknowledged(peeringPath(), connectionIdentifier);
            switch (index % 8) {
                case 4 -> operator.blockAndUnblock(connectionUrl);
                case 0 -> operator.failAndRetry(connectionUrl, index % 16 == 0);
                default -> {}
            }
            steps.awaitFinal(Ack.Kind.CONNECTION, connectionUrl);

            String registeredUrl = urls.apply(Service.REGISTRATION) + registeredAsnPath();
            // registration-service learns of the peering and the Active connection from their events.
            steps.put(
                    Ack.Kind.REGISTERED_ASN,
                    registeredUrl,
                    "{\"properties\":{\"asn\":" + customerAsn() + "}}",
                    reply -> reply.errorCode().equals("PeeringNotFound")
                            || reply.errorCode().equals("NoActiveConnection"));
            ledger.expected().registeredAsnAcknowledged(peeringPath(), registeredAsnPath());
            steps.awaitFinal(Ack.Kind.REGISTERED_ASN, registeredUrl);
            switch (index % 4) {
                case 1 -> removeOneByOne(peeringUrl, connectionUrl, registeredUrl);
                case 3 -> deprovision(peeringUrl, connectionUrl, registeredUrl);
                default -> {}
            }
            ledger.finished(index, subscription);
        } catch (Steps.StepFailed e) {
            ledger.stuck(index, e.getMessage());
        }
    }

    /**
     * The peer deletes its registered ASN, then removes the connection (confirming with {@code yes}); once
     * the peering shows no connection, the operator deprovisions the empty peering, which goes at once.
     */
    private void removeOneByOne(String peeringUrl, String connectionUrl, String registeredUrl)
            throws InterruptedException {
        steps.send("DELETE registered ASN", "DELETE", registeredUrl, null, reply -> false, reply -> false);
        ledger.expected().registeredAsnDeleted(peeringPath(), registeredAsnPath());
        ledger.gone(new Ack(Ack.Kind.GONE, index, registeredUrl));
        steps.awaitGone(registeredUrl);

        steps.send("DELETE connection", "DELETE", connectionUrl + "?confirm=yes", null, reply -> false, reply -> false);
        ledger.expected().connectionRemoved(peeringPath(), connectionIdentifier);
        ledger.gone(new Ack(Ack.Kind.GONE, index, connectionUrl));
        steps.awaitGone(connectionUrl);
        // The peering learns of the removal from the connection's event; deprovisioned before, it would
        // name the connection in its request, and the suite could not tell which request to expect.
        steps.await(
                peeringUrl,
                peering -> peering.path("properties")
                        .path("direct")
                        .path("connections")
                        .isEmpty(),
                "without connections");

        steps.send(
                "POST deprovision",
                "POST",
                peeringUrl + "/deprovision",
                null,
                reply -> false,
                reply -> reply.status() == 404);
        ledger.expected().peeringDeprovisioned(peeringPath(), List.of());
        ledger.gone(new Ack(Ack.Kind.GONE, index, peeringUrl));
        steps.awaitGone(peeringUrl);
    }

    /**
     * The operator deprovisions the whole peering: its connection is decommissioned, the registered ASN's
     * Prefix Key revoked, and the peering goes when its last connection is gone.
     */
    private void deprovision(String peeringUrl, String connectionUrl, String registeredUrl)
            throws InterruptedException {
        steps.send(
                "POST deprovision",
                "POST",
                peeringUrl + "/deprovision",
                null,
                reply -> false,
                reply -> reply.status() == 404);
        ledger.expected().peeringDeprovisioned(peeringPath(), List.of(connectionIdentifier));
        ledger.expected().connectionRemoved(peeringPath(), connectionIdentifier);
        ledger.expected().registeredAsnRevoked(peeringPath(), registeredAsnPath());
        ledger.gone(new Ack(Ack.Kind.GONE, index, registeredUrl));
        ledger.gone(new Ack(Ack.Kind.GONE, index, connectionUrl));
        ledger.gone(new Ack(Ack.Kind.GONE, index, peeringUrl));
        steps.awaitGone(connectionUrl);
        steps.awaitGone(registeredUrl);
        steps.awaitGone(peeringUrl);
    }

    private String peerAsnBody() {
        return """
                {"properties":{"peerAsn":%d,"peerName":"Fault Suite","peerContactDetail":[
                  {"role":"Noc","email":"noc@example.com","phone":"+1 (234) 567-8999"}]}}"""
                .formatted(peerAsn());
    }

    /**
     * IPv4 and IPv6 sessions at one of the two SIX Seattle facilities, which share one peering LAN: a
     * peer address may repeat across facilities but not within one, so every workflow gets its own.
     */
    private String peeringBody() {
        boolean westin = index % 2 == 0;
        int host = FIRST_PEER_HOST + index / 2;
        String peerV4 = "206.81." + (80 + host / 256) + "." + (host % 256);
        String peerV6 = "2001:504:16::" + Integer.toHexString(0x1000 + index);
        return """
                {"sku":{"name":"Premium_Direct_Free"},"kind":"Direct","location":"westus2",
                 "properties":{"direct":{"connections":[
                   {"connectionIdentifier":"%s","peeringDBFacilityId":%d,"bandwidthInMbps":10000,
                    "sessionAddressProvider":"Peer",
                    "bgpSession":{"sessionPrefixV4":"206.81.80.0/22","microsoftSessionIPv4Address":"%s",
                      "peerSessionIPv4Address":"%s","maxPrefixesAdvertisedV4":1000,
                      "sessionPrefixV6":"2001:504:16::/64","microsoftSessionIPv6Address":"%s",
                      "peerSessionIPv6Address":"%s","maxPrefixesAdvertisedV6":100}}],
                   "peerAsn":{"id":"%s"},"directPeeringType":"IxRs"},
                   "peeringLocation":"Seattle"}}"""
                .formatted(
                        connectionIdentifier,
                        westin ? 143 : 9,
                        westin ? "206.81.80.30" : "206.81.80.31",
                        peerV4,
                        westin ? "2001:504:16::1f9b" : "2001:504:16::1f9c",
                        peerV6,
                        peerAsnPath());
    }
}
