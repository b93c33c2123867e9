package dev.peering.asn.domain;

import dev.peering.core.PublicAsnRules;

/**
 * The decision on a pending PeerAsn: Approved for a public ASN, Failed with the rule it breaks
 * otherwise. This is the automated part of the validation the seed waits 12 hours for.
 */
public record AsnDecision(ValidationState state, String errorMessage) {

    public static AsnDecision decide(long peerAsn) {
        return PublicAsnRules.whyNotPublic(peerAsn)
                .map(reason -> new AsnDecision(ValidationState.Failed, reason))
                .orElse(new AsnDecision(ValidationState.Approved, null));
    }

    public static AsnDecision operatorApproved() {
        return new AsnDecision(ValidationState.Approved, null);
    }

    public static AsnDecision operatorRejected(String reason) {
        return new AsnDecision(ValidationState.Failed, "Rejected by the peering operator: " + reason);
    }
}
