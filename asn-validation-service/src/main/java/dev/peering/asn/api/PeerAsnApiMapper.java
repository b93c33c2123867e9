package dev.peering.asn.api;

import dev.peering.asn.domain.Contact;
import dev.peering.asn.domain.PeerAsn;
import dev.peering.asn.domain.PeerAsnRules;
import dev.peering.asn.domain.PeerAsnSpec;
import java.util.List;

/** REST bodies to the domain's spec, and the domain's {@link PeerAsn} to the ARM body. */
final class PeerAsnApiMapper {

    private PeerAsnApiMapper() {}

    /** The PUT's properties as a spec, checked field by field in the order a client reads the errors. */
    static PeerAsnSpec toSpec(PeerAsnResourceBody.Properties p) {
        return new PeerAsnSpec(
                PeerAsnRules.requireAsn(p.peerAsn()),
                PeerAsnRules.requirePeerName(p.peerName()),
                PeerAsnRules.requireContacts(toContacts(p.peerContactDetail())));
    }

    static PeerAsnResourceBody toApi(PeerAsn a) {
        List<PeerAsnResourceBody.ContactDetail> contacts = a.contacts().items().stream()
                .map(c -> new PeerAsnResourceBody.ContactDetail(c.role(), c.email(), c.phone()))
                .toList();
        return new PeerAsnResourceBody(
                a.resourceId(),
                a.name(),
                PeerAsnResourceBody.TYPE,
                new PeerAsnResourceBody.Properties(
                        a.peerAsn(), contacts, a.peerName(), a.validationState().name(), a.errorMessage()));
    }

    private static List<Contact> toContacts(List<PeerAsnResourceBody.ContactDetail> details) {
        return details == null
                ? null
                : details.stream()
                        .map(d -> d == null ? null : new Contact(d.role(), d.email(), d.phone()))
                        .toList();
    }
}
