package dev.peering.connection.service;

import dev.peering.connection.domain.FacilityChecks;
import dev.peering.connection.domain.SessionAddresses;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.reference.PeeringLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Runs {@link FacilityChecks} for a connection against its facility's reference data and the other
 * live connections there: Validating does it, and so does adding a session.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FacilityReview {

    @Inject
    ConnectionRepository connections;

    @Inject
    PeeringLocations locations;

    /** The findings for {@code e} with session configuration {@code addresses}; empty when it may proceed. */
    public List<String> findings(ConnectionEntity e, SessionAddresses addresses) {
        List<SessionAddresses> others = connections.peerAddressesLiveAtFacility(e.peeringDBFacilityId, e.id);
        return FacilityChecks.check(
                e.peeringDBFacilityId, locations.facility(e.peeringDBFacilityId), addresses, others);
    }
}
