package dev.peering.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.List;
import java.util.Map;

/**
 * Gives the service under test the public key of {@link TestTokens}, and makes the peering operator
 * the default caller of RestAssured requests, so that tests of behaviour need no token ceremony. A test
 * that checks tenancy or roles sends its own Authorization header, which replaces the default.
 */
public class TokensTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RestAssured.filters(OPERATOR_BY_DEFAULT);
        return Map.of(
                "mp.jwt.verify.publickey.location",
                TestTokens.keyDir()
                        .resolve(dev.peering.tokens.Tokens.PUBLIC_KEY_FILE)
                        .toUri()
                        .toString());
    }

    @Override
    public void stop() {
        RestAssured.replaceFiltersWith(List.of());
    }

    /** Adds the operator's token to a request that has no Authorization header of its own. */
    private static final Filter OPERATOR_BY_DEFAULT = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", TestTokens.operator());
        }
        return context.next(request, response);
    };
}
