package dev.peering.console.service;

import dev.peering.events.CloudEvent;
import dev.peering.events.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names of the Server-Sent Events a page listens to: one per subscription's PeerAsns and one per peering
 * (its connections, sessions, registered ASNs), hashed so that a resource id (slashes, dots) makes a plain
 * event name. A page's element reloads its fragment on {@code sse:<name>}.
 */
public final class LiveKeys {

    private LiveKeys() {}

    public static String peerAsns(String subscription) {
        return "peer-asns-" + hash(subscription);
    }

    public static String peering(String peeringId) {
        return "peering-" + hash(peeringId);
    }

    /** The peering's resource id of any subject below it ({@code .../peerings/x/connections/y}), else null. */
    public static String peeringOf(String subject) {
        if (subject == null) {
            return null;
        }
        String lower = subject.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("/providers/microsoft.peering/peerings/");
        if (at < 0) {
            return null;
        }
        int nameStart = at + "/providers/microsoft.peering/peerings/".length();
        int end = subject.indexOf('/', nameStart);
        return end < 0 ? subject : subject.substring(0, end);
    }

    /** The event name a recent event is sent under. */
    public static String nameOf(String topic, CloudEvent event) {
        if (Topics.PEER_ASN_EVENTS.equals(topic)) {
            return peerAsns(event.subscription());
        }
        String peering = peeringOf(event.subject());
        return peering == null ? "other" : peering(peering);
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
