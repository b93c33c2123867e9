package dev.peering.connection.service;

import dev.peering.connection.domain.ConnectionState;
import dev.peering.connection.domain.PeeringRoute;
import dev.peering.connection.mapping.RouteServerMapper;
import dev.peering.connection.persistence.ConnectionEntity;
import dev.peering.connection.persistence.ConnectionRepository;
import dev.peering.connection.persistence.PeeringViewEntity;
import dev.peering.connection.persistence.PeeringViewRepository;
import dev.peering.core.ArmException;
import dev.peering.core.PeeringRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ReceivedRoutes_ListByPeering (ADR 0014): the routes the route server received from the peering's
 * sessions, read from the router itself ({@code birdc show route protocol ... all}), filtered and paged.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReceivedRoutes {

    /** The list operation's filters; null passes everything. */
    public record Filter(String prefix, String asPath, String originAsValidationState, String rpkiValidationState) {}

    @Inject
    PeeringViewRepository peerings;

    @Inject
    ConnectionRepository connections;

    @Inject
    RouteServerSync router;

    /** Up to {@code limit} routes of the peering after {@code after} (a route's key), in key order. */
    public List<PeeringRoute> page(PeeringRef ref, Filter filter, String after, int limit) {
        PeeringViewEntity p = peerings.findById(ref.resourceId());
        if (p == null) {
            throw ArmException.notFound("peering", ref.name());
        }
        List<String> protocols = new ArrayList<>();
        for (ConnectionEntity e : connections.ofPeering(p.peeringId)) {
            if (e.connectionState == ConnectionState.Active && !e.decommissioning) {
                protocols.addAll(RouteServerMapper.protocols(e, p));
            }
        }
        long peerAsn = p.peerAsn == null ? 0 : p.peerAsn;
        return router.receivedRoutes(protocols).stream()
                .map(r -> RouteServerMapper.toRoute(r, peerAsn))
                .filter(r -> r.matches(
                        filter.prefix(),
                        filter.asPath(),
                        filter.originAsValidationState(),
                        filter.rpkiValidationState()))
                .filter(r -> after == null || r.key().compareTo(after) > 0)
                .sorted(Comparator.comparing(PeeringRoute::key))
                .limit(limit)
                .toList();
    }
}
