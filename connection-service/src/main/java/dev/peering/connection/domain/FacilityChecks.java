package dev.peering.connection.domain;

import dev.peering.reference.ConnectionRules;
import dev.peering.reference.Facility;
import dev.peering.reference.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Validating checks against the facility's reference data: the session prefix and both
 * addresses lie in the exchange's peering LAN, no other live connection at the facility uses the
 * peer's address, and the max-prefix limits are within bounds. Each finding says what to fix.
 */
public final class FacilityChecks {

    private FacilityChecks() {}

    /**
     * @param facility the facility's reference data, empty when the facility is no longer listed
     * @param others the other live connections at the same facility
     * @return the findings, empty when the connection may become Active
     */
    public static List<String> check(
            int peeringDBFacilityId,
            Optional<Facility> facility,
            SessionAddresses session,
            List<SessionAddresses> others) {
        List<String> findings = new ArrayList<>();
        if (facility.isEmpty()) {
            findings.add("Facility " + peeringDBFacilityId
                    + " is no longer a route-server exchange facility; remove this connection and add one at a"
                    + " listed facility.");
            return findings;
        }
        Facility f = facility.get();
        family(
                findings,
                f,
                "IPv4",
                "V4",
                f.exchangePrefixesV4(),
                session.sessionPrefixV4(),
                session.microsoftSessionIPv4Address(),
                session.peerSessionIPv4Address());
        family(
                findings,
                f,
                "IPv6",
                "V6",
                f.exchangePrefixesV6(),
                session.sessionPrefixV6(),
                session.microsoftSessionIPv6Address(),
                session.peerSessionIPv6Address());
        duplicates(
                findings,
                f,
                "IPv4",
                session.peerSessionIPv4Address(),
                others,
                SessionAddresses::peerSessionIPv4Address);
        duplicates(
                findings,
                f,
                "IPv6",
                session.peerSessionIPv6Address(),
                others,
                SessionAddresses::peerSessionIPv6Address);
        maxPrefixes(findings, "maxPrefixesAdvertisedV4", session.maxPrefixesAdvertisedV4());
        maxPrefixes(findings, "maxPrefixesAdvertisedV6", session.maxPrefixesAdvertisedV6());
        return findings;
    }

    private static void family(
            List<String> findings,
            Facility f,
            String name,
            String suffix,
            List<String> exchangePrefixes,
            String prefixText,
            String microsoftText,
            String peerText) {
        if (prefixText == null && microsoftText == null && peerText == null) {
            return;
        }
        if (exchangePrefixes.isEmpty()) {
            findings.add(f.exchangeName() + " at " + f.facilityName() + " has no " + name + " peering LAN; remove the "
                    + name + " session.");
            return;
        }
        List<Cidr> lans = exchangePrefixes.stream().map(Cidr::parse).toList();
        String lanText = String.join(", ", exchangePrefixes);
        Optional<Cidr> prefix = parsePrefix(prefixText);
        if (prefix.isEmpty()) {
            findings.add("sessionPrefix" + suffix + " '" + prefixText + "' is not a valid " + name + " prefix; use the "
                    + f.exchangeName() + " peering LAN " + lanText + ".");
        } else if (lans.stream().noneMatch(lan -> lan.contains(prefix.get()))) {
            findings.add("sessionPrefix" + suffix + " " + prefixText + " is not inside the " + f.exchangeName()
                    + " peering LAN " + lanText + "; use that LAN.");
        }
        inLan(findings, f, lans, lanText, "microsoftSession" + name + "Address", microsoftText);
        inLan(findings, f, lans, lanText, "peerSession" + name + "Address", peerText);
        Optional<Cidr.Address> peer = parseAddress(peerText);
        boolean isMicrosofts = peer.isPresent()
                && java.util.stream.Stream.concat(
                                f.microsoftIPv4Addresses().stream(), f.microsoftIPv6Addresses().stream())
                        .map(FacilityChecks::parseAddress)
                        .anyMatch(peer::equals);
        if (isMicrosofts) {
            findings.add("peerSession" + name + "Address " + peerText + " is Microsoft's route-server address at "
                    + f.facilityName() + "; use the address of your own router.");
        }
    }

    private static void inLan(
            List<String> findings, Facility f, List<Cidr> lans, String lanText, String field, String text) {
        if (text == null) {
            findings.add(field + " is missing; give an address in the " + f.exchangeName() + " peering LAN " + lanText
                    + ".");
            return;
        }
        Optional<Cidr.Address> address = parseAddress(text);
        if (address.isEmpty() || lans.stream().noneMatch(lan -> lan.contains(address.get()))) {
            findings.add(field + " " + text + " is not inside the " + f.exchangeName() + " peering LAN " + lanText
                    + "; use an address in it.");
        }
    }

    private static void duplicates(
            List<String> findings,
            Facility f,
            String name,
            String peerText,
            List<SessionAddresses> others,
            java.util.function.Function<SessionAddresses, String> peerOf) {
        Optional<Cidr.Address> mine = parseAddress(peerText);
        if (mine.isEmpty()) {
            return;
        }
        for (SessionAddresses other : others) {
            Optional<Cidr.Address> theirs = parseAddress(peerOf.apply(other));
            if (theirs.isPresent() && theirs.get().equals(mine.get())) {
                findings.add("peerSession" + name + "Address " + peerText + " is already used by another connection at "
                        + f.facilityName() + "; use the address assigned to your own port.");
                return;
            }
        }
    }

    private static void maxPrefixes(List<String> findings, String field, Integer value) {
        if (value != null && (value < ConnectionRules.MIN_PREFIXES || value > ConnectionRules.MAX_PREFIXES)) {
            findings.add(field + " " + value + " is out of bounds; use " + ConnectionRules.MIN_PREFIXES + " to "
                    + ConnectionRules.MAX_PREFIXES + ".");
        }
    }

    private static Optional<Cidr> parsePrefix(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Cidr.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Cidr.Address> parseAddress(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Cidr.parseAddress(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
