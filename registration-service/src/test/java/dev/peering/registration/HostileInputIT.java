package dev.peering.registration;

import static org.awaitility.Awaitility.await;

import dev.peering.testsupport.HostileInput;
import dev.peering.testsupport.HostileInput.Places;
import dev.peering.testsupport.HostileInput.Target;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 400 generated hostile requests (-Dhostile.requests=N for more) against every operation, each one change away from a request that
 * succeeds (registered ASNs and prefixes under an Active peering, prefixes in a Peering Service that exists, the
 * Peering Service's tags, the catalog lists): no 5xx,
 * always the ARM body, nothing stored; and changed bodies reach the registration rules. Replay a run with
 * {@code -Dhostile.seed=<the printed seed>}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class HostileInputIT {

    // CI's share of the attack; a deeper run: -Dhostile.requests=5000 (the seed's first 400 are the same).
    static final int REQUESTS = 400;

    // Fixed, so that CI replays the same requests; -Dhostile.seed=<seed> explores others.
    static final long SEED = 8462608505787969073L;

    static final String PEERING = "/subscriptions/{sub}/resourceGroups/rgName/providers/Microsoft.Peering/peerings/ix";
    static final String SERVICE =
            "/subscriptions/{sub}/resourceGroups/rgName/providers/Microsoft.Peering/peeringServices/{name}";
    static final String PREFIX =
            "/subscriptions/{sub}/resourceGroups/rgName/providers/Microsoft.Peering/peeringServices/ps/prefixes/{name}";

    static final String CATALOG = "/subscriptions/{sub}/providers/Microsoft.Peering";

    /** A registered prefix of its own under the provider's peering, for requests that validate it again. */
    static HostileInput.Place registeredPrefix(String provider, java.util.Random random) {
        HostileInput.Place place = HostileInput.freshIn(provider).next(random);
        String prefix = "22." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24";
        Fixtures.putRegisteredPrefix(provider, "ix", place.name(), Fixtures.registeredPrefixBody(prefix))
                .statusCode(201);
        return place;
    }

    @Test
    void hostileRequestsNeverBreakTheService() {
        // a provider with an Active peering, and a customer with a Peering Service, so that requests get
        // past "the peering (or Peering Service) exists"
        String provider = Fixtures.newSubscription();
        Fixtures.activePeering(provider, "ix");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> Fixtures.putRegisteredAsn(provider, "ix", "probe", Fixtures.asnBody(3356))
                        .statusCode(201));
        String customer = Fixtures.newSubscription();
        Fixtures.createPeeringService(customer, "ps");

        String registered = PEERING + "/registeredAsns/{name}";
        // each registration its own public ASN (a second one of an ASN is refused as a duplicate)
        Places underThePeering =
                random -> HostileInput.freshIn(provider).next(random).with("asn", "" + (4000 + random.nextInt(16000)));
        Places inThePeeringService = random -> HostileInput.freshIn(customer)
                .next(random)
                .with("prefix", "20." + (1 + random.nextInt(200)) + "." + random.nextInt(256) + ".0/24");
        HostileInput.attack(
                List.of(
                        new Target(
                                        "PUT",
                                        registered,
                                        "{\"properties\":{\"asn\":{asn}}}",
                                        HostileInput.storedAt(registered))
                                .named("PUT registeredAsn")
                                .at(underThePeering),
                        new Target("GET", PEERING + "/registeredAsns", null, null)
                                .named("GET registeredAsns")
                                .at(HostileInput.freshIn(provider)),
                        new Target("DELETE", registered, null, null)
                                .named("DELETE registeredAsn")
                                .at(HostileInput.freshIn(provider)),
                        new Target(
                                        "PUT",
                                        PEERING + "/registeredPrefixes/{name}",
                                        Fixtures.registeredPrefixBody("{prefix}"),
                                        HostileInput.storedAt(PEERING + "/registeredPrefixes/{name}"))
                                .named("PUT registeredPrefix")
                                .at(random -> HostileInput.freshIn(provider)
                                        .next(random)
                                        .with(
                                                "prefix",
                                                "21." + random.nextInt(256) + "." + random.nextInt(256) + ".0/24")),
                        new Target("PUT", SERVICE, SecurityIT.SERVICE_BODY, HostileInput.storedAt(SERVICE))
                                .named("PUT peeringService"),
                        new Target(
                                        "PUT",
                                        PREFIX,
                                        Fixtures.prefixBody("{prefix}", "0b5a7f8e-6a49-4f53-9b43-3f4c4b0c8a11"),
                                        HostileInput.storedAt(PREFIX))
                                .named("PUT prefix")
                                .at(inThePeeringService),
                        new Target("GET", SERVICE.replace("{name}", "ps") + "/prefixes", null, null)
                                .named("GET prefixes")
                                .at(HostileInput.freshIn(customer)),
                        new Target("POST", PEERING + "/registeredPrefixes/{name}/validate", null, null)
                                .named("POST registeredPrefix validate")
                                .at(HostileInput.prepared(random -> registeredPrefix(provider, random))),
                        new Target("PATCH", SERVICE, "{\"tags\":{\"env\":\"prod\"}}", null)
                                .named("PATCH peeringService")
                                .at(random -> new HostileInput.Place(customer, "ps")),
                        new Target("GET", CATALOG + "/peeringServiceLocations?country=Germany", null, null)
                                .named("GET peeringServiceLocations"),
                        new Target("GET", CATALOG + "/peeringServiceProviders", null, null)
                                .named("GET peeringServiceProviders"),
                        new Target("GET", CATALOG + "/peeringServiceCountries", null, null)
                                .named("GET peeringServiceCountries"),
                        new Target(
                                        "POST",
                                        CATALOG + "/checkServiceProviderAvailability",
                                        "{\"peeringServiceLocation\":\"Washington\","
                                                + "\"peeringServiceProvider\":\"Contoso IX\"}",
                                        null)
                                .named("POST checkServiceProviderAvailability")),
                HostileInput.requests(REQUESTS),
                SEED,
                true);
    }
}
