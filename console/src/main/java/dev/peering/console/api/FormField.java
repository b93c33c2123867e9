package dev.peering.console.api;

import java.util.Map;

/**
 * One input of a form as a page shows it: its ARM property name (so the service's error lands beside it), its
 * label, the value typed (a password never comes back), and the error the service gave for it.
 */
public record FormField(String name, String label, String type, String value, String error, boolean required) {

    static FormField of(String name, String label, Map<String, String> values, Map<String, String> errors) {
        return of(name, label, "text", "", false, values, errors);
    }

    static FormField of(
            String name,
            String label,
            String type,
            String defaultValue,
            boolean required,
            Map<String, String> values,
            Map<String, String> errors) {
        String value = type.equals("password") ? "" : values.getOrDefault(name, defaultValue);
        return new FormField(name, label, type, value, errors.getOrDefault(name, ""), required);
    }

    /** A connection's inputs, each named {@code <prefix><property>} (prefix {@code c0.} in a peering's form). */
    static java.util.List<FormField> connection(String prefix, Map<String, String> values, Map<String, String> errors) {
        return java.util.List.of(
                of(prefix + "connectionIdentifier", "Connection name", values, errors),
                of(prefix + "bandwidthInMbps", "Bandwidth (Mbps)", "number", "10000", false, values, errors),
                of(prefix + "sessionPrefixV4", "IPv4 session prefix", values, errors),
                of(prefix + "microsoftSessionIPv4Address", "Microsoft IPv4 session address", values, errors),
                of(prefix + "peerSessionIPv4Address", "Peer IPv4 session address", values, errors),
                of(
                        prefix + "maxPrefixesAdvertisedV4",
                        "Max prefixes advertised (IPv4)",
                        "text",
                        "1000",
                        false,
                        values,
                        errors),
                of(prefix + "sessionPrefixV6", "IPv6 session prefix", values, errors),
                of(prefix + "microsoftSessionIPv6Address", "Microsoft IPv6 session address", values, errors),
                of(prefix + "peerSessionIPv6Address", "Peer IPv6 session address", values, errors),
                of(prefix + "maxPrefixesAdvertisedV6", "Max prefixes advertised (IPv6)", values, errors),
                of(prefix + "md5AuthenticationKey", "MD5 authentication key", "password", "", false, values, errors));
    }

    /** The inputs of "Add a session", named {@code s.<property>} (the page also has "Add a connection"). */
    static java.util.List<FormField> session(Map<String, String> values, Map<String, String> errors) {
        return java.util.List.of(
                of("s.sessionPrefixV6", "IPv6 session prefix", values, errors),
                of("s.microsoftSessionIPv6Address", "Microsoft IPv6 session address", values, errors),
                of("s.peerSessionIPv6Address", "Peer IPv6 session address", values, errors),
                of("s.maxPrefixesAdvertisedV6", "Max prefixes advertised (IPv6)", "text", "100", false, values, errors),
                of("s.sessionPrefixV4", "IPv4 session prefix", values, errors),
                of("s.microsoftSessionIPv4Address", "Microsoft IPv4 session address", values, errors),
                of("s.peerSessionIPv4Address", "Peer IPv4 session address", values, errors),
                of("s.maxPrefixesAdvertisedV4", "Max prefixes advertised (IPv4)", values, errors));
    }
}
