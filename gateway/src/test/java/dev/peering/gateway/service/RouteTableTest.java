package dev.peering.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/subscriptions/s1/providers/Microsoft.Peering/peerAsns, asn-validation-service",
        "/subscriptions/s1/providers/Microsoft.Peering/peerAsns/contoso, asn-validation-service",
        "/subscriptions/s1/providers/Microsoft.Peering/peerAsns/contoso/approve, asn-validation-service",
        "/subscriptions/s1/providers/Microsoft.Peering/peerings, peering-service",
        "/subscriptions/s1/providers/Microsoft.Peering/peerings/, peering-service",
        "/subscriptions/s1/providers/Microsoft.Peering/peeringLocations, peering-service",
        "/subscriptions/s1/providers/Microsoft.Peering/peeringServiceAgreement, peering-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings, peering-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1, peering-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1/deprovision, peering-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1/connections, connection-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1/connections/c1, connection-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1/connections/c1/block,"
                + " connection-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1/registeredAsns,"
                + " registration-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1/registeredAsns/fabrikam,"
                + " registration-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1/receivedRoutes,"
                + " connection-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peeringServices/ps1, registration-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peeringServices/ps1/prefixes/web,"
                + " registration-service",
        "/providers/Microsoft.Peering/operations, peering-service",
        "/subscriptions/s1/providers/Microsoft.Peering/peeringServiceCountries, registration-service",
        "/subscriptions/s1/providers/Microsoft.Peering/peeringServices, registration-service",
        "/subscriptions/s1/providers/Microsoft.Peering/lookingGlass, connection-service",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerings/ix1/registeredPrefixes/p1/validate,"
                + " registration-service",
        "/deadLetters/asn-validation-service, asn-validation-service",
        "/deadLetters/peering-service/connection-events, peering-service",
        "/deadLetters/connection-service/peering-events/0-12, connection-service",
        "/deadLetters/registration-service/peering-events/replay, registration-service",
    })
    void eachResourceTypeGoesToTheServiceThatOwnsIt(String path, String module) {
        assertEquals(Optional.of(module), RouteTable.route(path).map(Upstream::module));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/",
        "/subscriptions",
        "/subscriptions/s1",
        "/subscriptions/s1/providers/Microsoft.Peering",
        "/subscriptions/s1/providers/Microsoft.Peering/cdnPeeringPrefixes",
        "/subscriptions/s1/providers/Microsoft.Peering/peerings/ix1",
        "/subscriptions/s1/providers/Microsoft.Network/peerAsns/contoso",
        "/subscriptions//providers/Microsoft.Peering/peerAsns",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peerAsns/contoso",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Peering/peeringLocations",
        "/subscriptions/s1/providers/microsoft.peering/peerAsns",
        "/q/health",
        "/internal/route-server/md5-keys",
        "/deadLetters",
        "/deadLetters/gateway/peering-events",
    })
    void aPathNoServiceServesHasNoRoute(String path) {
        assertEquals(Optional.empty(), RouteTable.route(path));
    }
}
