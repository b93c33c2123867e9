package dev.peering.asn.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.peering.asn.domain.ContactRole;
import java.util.List;

/**
 * The ARM {@code PeerAsn} resource, as sent and as returned. Read-only properties sent by a client
 * (id, name, type, validationState, errorMessage) are ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PeerAsnResourceBody(String id, String name, String type, Properties properties) {

    public static final String TYPE = "Microsoft.Peering/peerAsns";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Properties(
            Long peerAsn,
            List<ContactDetail> peerContactDetail,
            String peerName,
            String validationState,
            String errorMessage) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactDetail(ContactRole role, String email, String phone) {}
}
