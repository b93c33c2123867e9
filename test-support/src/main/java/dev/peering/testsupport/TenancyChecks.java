package dev.peering.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The checks every service's security test runs over all of its operations: no token or a bad one is
 * 401, another tenant's subscription is the 404 of a subscription that does not exist, operator
 * actions are 403 for a peer. Each answer carries the ARM error body.
 */
public final class TenancyChecks {

    /**
     * One REST operation; {@code path} holds {@code {sub}} where the subscription goes, and
     * {@code body} is null for operations without one.
     */
    public record Operation(String method, String path, String body) {
        public Response send(String subscription, String authorization) {
            RequestSpecification request =
                    given().queryParam("api-version", "2022-10-01").urlEncodingEnabled(false);
            if (authorization != null) {
                request.header("Authorization", authorization);
            } else {
                // without the tests' default operator token
                request.noFilters();
            }
            if (body != null) {
                request.contentType(ContentType.JSON).body(body);
            }
            return request.request(method, path.replace("{sub}", subscription));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private TenancyChecks() {}

    public static Operation op(String method, String path, String body) {
        return new Operation(method, path, body);
    }

    public static Operation op(String method, String path) {
        return new Operation(method, path, null);
    }

    /** Without a valid token every operation is 401 with the ARM body. */
    public static void refuseWithoutValidToken(List<Operation> operations, String subscription) {
        for (Operation op : operations) {
            assertError(op.send(subscription, null), 401, "AuthenticationFailed", op + " without a token");
            for (Map.Entry<String, String> bad :
                    TestTokens.invalid(subscription).entrySet()) {
                assertError(
                        op.send(subscription, bad.getValue()), 401, "AuthenticationFailed", op + " " + bad.getKey());
            }
        }
    }

    /**
     * A token that was accepted is refused from the second its {@code exp} names plus the clock skew the
     * service allows ({@code mp.jwt.verify.clock.skew}, read from the service's configuration), although the
     * service remembers the tokens it verified (platform's {@code VerifiedTokens}): the same text, sent again
     * and again, is accepted before then and answered 401 from then on.
     */
    public static void refuseOnceExpired(Operation op, String subscription) {
        int skew = ConfigProvider.getConfig().getValue("mp.jwt.verify.clock.skew", Integer.class);
        // the client's first request can take seconds (RestAssured starting): not with the short-lived token
        assertNotEquals(
                401, op.send(subscription, TestTokens.peer(subscription)).statusCode(), op + " warming up");
        // long enough to be accepted first even on a loaded machine; a hollow run (refused at once) fails here
        String token = TestTokens.peerFor(Duration.ofSeconds(3), subscription);
        long exp = Instant.now().plusSeconds(3).getEpochSecond() + skew;
        assertNotEquals(401, op.send(subscription, token).statusCode(), op + " with a fresh token");
        Awaitility.await()
                .atMost(Duration.ofSeconds(skew + 15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long sentAt = Instant.now().getEpochSecond();
                    int status = op.send(subscription, token).statusCode();
                    if (status != 401) {
                        assertTrue(
                                sentAt < exp + 1,
                                op + " accepted a token " + (sentAt - exp) + " s after its exp and the clock skew");
                    }
                    return status == 401;
                });
        assertError(op.send(subscription, token), 401, "AuthenticationFailed", op + " with an expired token");
    }

    /**
     * A peer asking under a subscription it does not hold gets exactly the answer for a subscription
     * that does not exist.
     */
    public static void hideOtherTenants(List<Operation> operations, String ownSubscription, String otherSubscription) {
        String peer = TestTokens.peer(ownSubscription);
        for (Operation op : operations) {
            Response other = op.send(otherSubscription, peer);
            assertError(other, 404, "SubscriptionNotFound", op + " under another tenant's subscription");
            Response missing = op.send("sub-that-does-not-exist", peer);
            assertEquals(
                    other.asString().replace(otherSubscription, "X"),
                    missing.asString().replace("sub-that-does-not-exist", "X"),
                    op + ": another tenant's subscription must look like one that does not exist");
        }
    }

    /** Operator actions are 403 for a peer, even on its own subscription. */
    public static void operatorOnly(List<Operation> operations, String ownSubscription) {
        String peer = TestTokens.peer(ownSubscription);
        for (Operation op : operations) {
            assertError(op.send(ownSubscription, peer), 403, "AuthorizationFailed", op + " as a peer");
        }
    }

    private static void assertError(Response response, int status, String code, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.asString());
        assertEquals(code, response.jsonPath().getString("error.code"), what + ": " + response.asString());
    }
}
