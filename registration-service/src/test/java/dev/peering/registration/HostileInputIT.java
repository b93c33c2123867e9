package dev.peering.registration;

import dev.peering.testsupport.HostileInput;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 1,200 generated hostile requests against every operation: no 5xx, always the ARM body, nothing stored. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class HostileInputIT {

    static final String PEERING = "/subscriptions/{sub}/resourceGroups/rgName/providers/Microsoft.Peering/peerings/ix";
    static final String SERVICE =
            "/subscriptions/{sub}/resourceGroups/rgName/providers/Microsoft.Peering/peeringServices/{name}";

    @Test
    void hostileRequestsNeverBreakTheService() {
        String registered = PEERING + "/registeredAsns/{name}";
        String prefix = SERVICE + "/prefixes/p";
        HostileInput.attack(
                List.of(
                        new HostileInput.Target(
                                "PUT", registered, Fixtures.asnBody(3356), HostileInput.storedAt(registered)),
                        new HostileInput.Target("GET", PEERING + "/registeredAsns", null, null),
                        new HostileInput.Target("DELETE", registered, null, null),
                        new HostileInput.Target(
                                "PUT", SERVICE, SecurityIT.SERVICE_BODY, HostileInput.storedAt(SERVICE)),
                        new HostileInput.Target(
                                "PUT",
                                prefix,
                                Fixtures.prefixBody("20.1.2.0/24", "0b5a7f8e-6a49-4f53-9b43-3f4c4b0c8a11"),
                                HostileInput.storedAt(prefix)),
                        new HostileInput.Target("GET", SERVICE + "/prefixes", null, null)),
                1200,
                20261125L);
    }
}
