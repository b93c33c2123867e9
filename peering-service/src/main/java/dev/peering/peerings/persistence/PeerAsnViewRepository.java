package dev.peering.peerings.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class PeerAsnViewRepository implements PanacheRepositoryBase<PeerAsnViewEntity, String> {

    /**
     * The PeerAsn of that ARM id (any case), locked: creating a peering and applying the PeerAsn's
     * decision serialise on this row, so a peering created during the decision never misses it.
     */
    public Optional<PeerAsnViewEntity> findForUpdate(String peerAsnId) {
        return find("peerAsnIdLower = ?1", peerAsnId.toLowerCase(Locale.ROOT))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
