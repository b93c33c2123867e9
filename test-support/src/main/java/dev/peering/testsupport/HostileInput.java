package dev.peering.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Generated hostile requests against a service's REST operations: malformed JSON, wrong types, huge
 * and empty strings, out-of-range numbers, odd Unicode, wrong paths, methods and media types, oversized
 * bodies. Every answer must be below 500 and, when it is an error, carry the ARM error body; a refused
 * request must store nothing.
 *
 * <p>Each request starts from one that succeeds (the target's valid body at a place where the operation
 * works, which {@link #attack(List, int)} first proves by sending it unmutated) and changes one thing. Half
 * the requests go as a peer holding the subscription, half as the operator. Per target and kind of
 * mutation the run counts how many requests got past the generic refusals (unknown path, subscription or
 * resource, role, media type, api-version): a run that never reaches a target's rules shows up as a zero,
 * and the run fails when a target with a body never had a changed body reach its checks.
 *
 * <p>Every value follows one seed: the jqwik arbitraries are sampled (outside jqwik's engine, which
 * cannot run inside a {@code @QuarkusTest}) with a {@link Random} made from it, and so are the
 * subscriptions and names. The seed is printed; {@code -Dhostile.seed=<seed>} replays a run.
 */
public final class HostileInput {

    /** The system property that sets the seed of a run, to replay it. */
    public static final String SEED_PROPERTY = "hostile.seed";

    /** The system property that sets the number of requests of a run. */
    public static final String REQUESTS_PROPERTY = "hostile.requests";

    /**
     * Error codes that refuse a request before any rule of the operation looked at it: no such path,
     * subscription or resource, a bad name in the path, a missing role or token, the wrong method, media
     * type or api-version, a body over the size limit.
     */
    public static final Set<String> GENERIC_REFUSALS = Set.of(
            "NotFound",
            "ResourceNotFound",
            "SubscriptionNotFound",
            "PeeringNotFound",
            "InvalidResourceName",
            "AuthenticationFailed",
            "AuthorizationFailed",
            "MethodNotAllowed",
            "UnsupportedMediaType",
            "NotAcceptable",
            "MissingApiVersionParameter",
            "InvalidApiVersionParameter",
            "RequestEntityTooLarge");

    /** Where one request goes: {@code {sub}}, {@code {name}} and each {@code {key}} of {@code values}. */
    public record Place(String sub, String name, Map<String, String> values) {

        public Place(String sub, String name) {
            this(sub, name, Map.of());
        }

        /** This place with one more placeholder, {@code {key}}, filled in paths and bodies. */
        public Place with(String key, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(values);
            more.put(key, value);
            return new Place(sub, name, Map.copyOf(more));
        }

        /** {@code template} with the placeholders of this place filled in. */
        public String fill(String template) {
            if (template == null) {
                return null;
            }
            String filled = template.replace("{sub}", sub).replace("{name}", name);
            for (Map.Entry<String, String> value : values.entrySet()) {
                filled = filled.replace("{" + value.getKey() + "}", value.getValue());
            }
            return filled;
        }
    }

    /** Where the requests to one target go, prepared so that the unmutated request succeeds there. */
    public interface Places {

        /** The place of the next request; draws what it makes up from {@code random}, for a replayable run. */
        Place next(Random random);

        /** A request that may change state answered 2xx at {@code place}, which may now be used up. */
        default void succeeded(Place place) {}
    }

    /** A new subscription and name for every request: for operations that work on an empty subscription. */
    public static Places fresh() {
        return random -> new Place("sub-hostile-" + hex(random), "n" + hex(random));
    }

    /** A new name for every request under one prepared subscription. */
    public static Places freshIn(String sub) {
        return random -> new Place(sub, "n" + hex(random));
    }

    /**
     * A place {@code prepare} made ready (a resource in the state the operation needs), used by every
     * request until one succeeds there; then the next request gets a newly prepared one.
     */
    public static Places prepared(java.util.function.Function<Random, Place> prepare) {
        return new Places() {
            private Place current;

            @Override
            public Place next(Random random) {
                if (current == null) {
                    current = prepare.apply(random);
                }
                return current;
            }

            @Override
            public void succeeded(Place place) {
                if (place.equals(current)) {
                    current = null;
                }
            }
        };
    }

    /**
     * An operation to attack. {@code path} and {@code validBody} hold {@code {sub}}, {@code {name}} and
     * the other placeholders of its places; {@code validBody} is a body the operation accepts (null for
     * none). {@code stored} tells, for a subscription and name, whether a resource exists there now, so a
     * refused PUT can be checked to have stored nothing (null when the places are not new). {@code places}
     * says where requests go; {@code operatorOnly} that the unmutated request succeeds for the operator
     * only.
     */
    public record Target(
            String method,
            String path,
            String validBody,
            BiPredicate<String, String> stored,
            String label,
            Places places,
            boolean operatorOnly) {

        public Target(String method, String path, String validBody, BiPredicate<String, String> stored) {
            this(method, path, validBody, stored, method + " " + path, fresh(), false);
        }

        /** This target, called {@code label} in the report. */
        public Target named(String label) {
            return new Target(method, path, validBody, stored, label, places, operatorOnly);
        }

        /** This target, with its requests sent to {@code places}. */
        public Target at(Places places) {
            return new Target(method, path, validBody, stored, label, places, operatorOnly);
        }

        /** This target, whose unmutated request succeeds for the operator only. */
        public Target forOperatorOnly() {
            return new Target(method, path, validBody, stored, label, places, true);
        }
    }

    /** What one run did, for the test's report. */
    public record Outcome(int requests, Map<Integer, Integer> statuses) {}

    /** The kinds of mutation; one request changes one thing. */
    public enum Mutation {
        TRUNCATED_BODY(true),
        ODD_VALUE(true),
        HOSTILE_STRING(true),
        GARBAGE_BODY(false),
        WRONG_PATH(false),
        WRONG_METHOD(false),
        WRONG_MEDIA_TYPE(false),
        OVERSIZED_BODY(false),
        BAD_QUERY(false);

        /** Whether the mutation leaves a body the operation's own checks must read. */
        final boolean reachesBodyChecks;

        Mutation(boolean reachesBodyChecks) {
            this.reachesBodyChecks = reachesBodyChecks;
        }
    }

    /** What a run with {@link #attack(List, int)} did. */
    public record Run(long seed, int requests, Map<Integer, Integer> statuses, HostileTally tally) {}

    private HostileInput() {}

    /**
     * The usual {@link Target#stored()} check: whether {@code GET} on {@code path} (with {@code {sub}}
     * and {@code {name}} filled in) finds the resource.
     */
    public static BiPredicate<String, String> storedAt(String path) {
        return (sub, name) -> given().queryParam("api-version", "2022-10-01")
                        .get(path.replace("{sub}", sub).replace("{name}", name))
                        .statusCode()
                == 200;
    }

    /** The number of requests a run sends: {@code -Dhostile.requests} when given, else {@code fallback}. */
    public static int requests(int fallback) {
        String given = System.getProperty(REQUESTS_PROPERTY);
        return given == null || given.isBlank() ? fallback : Integer.parseInt(given.trim());
    }

    /** The seed of a run: {@code -Dhostile.seed} when given, else {@code fallback}. */
    public static long seed(long fallback) {
        String given = System.getProperty(SEED_PROPERTY);
        return given == null || given.isBlank() ? fallback : Long.parseLong(given.trim());
    }

    /**
     * Sends {@code count} generated requests spread over the targets and checks every answer; the seed is
     * {@code -Dhostile.seed} when given, else {@code seed}.
     */
    public static Outcome attack(List<Target> targets, int count, long seed) {
        Run run = run(targets, count, seed(seed), false);
        return new Outcome(run.requests(), run.statuses());
    }

    /**
     * Proves that each target's unmutated request succeeds where its places put it, then sends
     * {@code count} requests each changing one thing, half as a peer and half as the operator, checks
     * every answer, prints the counts and fails when a target with a body never had a changed body reach
     * its checks. The seed is {@code -Dhostile.seed} when given, else a new one; it is printed.
     */
    public static Run attack(List<Target> targets, int count) {
        return attack(targets, count, new Random().nextLong() & Long.MAX_VALUE, true);
    }

    /** As {@link #attack(List, int)}, with {@code seed} unless {@code -Dhostile.seed} is given. */
    public static Run attack(List<Target> targets, int count, long seed, boolean checkReach) {
        return run(targets, count, seed(seed), checkReach);
    }

    private static Run run(List<Target> targets, int count, long seed, boolean strict) {
        System.out.println("hostile input: seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + ")");
        Random random = new Random(seed);
        if (strict) {
            for (Target target : targets) {
                sendsUnmutated(target, random, false);
                if (!target.operatorOnly()) {
                    sendsUnmutated(target, random, true);
                }
            }
        }
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        HostileTally tally = new HostileTally();
        for (int i = 0; i < count; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            Place place = strict ? target.places().next(random) : legacyPlace(random, i);
            boolean peer = strict && random.nextBoolean();
            Mutation mutation = mutation(random);
            HostileRequest request =
                    HostileRequest.mutate(target, place, mutation, random, peer ? TestTokens.peer(place.sub()) : null);
            Response response = request.send();
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String what = "seed " + seed + ", request " + i + " (" + target.label() + ", " + mutation + ", as "
                    + (peer ? "peer" : "operator") + "): " + request + " -> " + status + " "
                    + HostileRequest.abbreviate(response.asString(), 160);
            assertTrue(status < 500, "5xx for " + what);
            String code = null;
            String message = null;
            if (status >= 400) {
                JsonNode error = readOrFail(response.asString(), what).path("error");
                code = error.path("code").asText();
                message = error.path("message").asText();
                assertFalse(code.isEmpty(), "no ARM error code: " + what);
                assertFalse(message.isEmpty(), "no ARM error message: " + what);
                if (target.stored() != null && request.method().equals("PUT")) {
                    assertFalse(
                            target.stored().test(place.sub(), place.name()),
                            "a refused request stored something: " + what);
                }
            } else if (!request.method().equals("GET")) {
                target.places().succeeded(place);
            }
            tally.count(target.label(), mutation, peer, status, code, message);
        }
        assertEquals(
                count, statuses.values().stream().mapToInt(Integer::intValue).sum());
        System.out.println(
                "hostile input: seed " + seed + ", " + count + " requests, statuses " + statuses + "\n" + tally);
        if (strict) {
            for (Target target : targets) {
                if (target.validBody() != null) {
                    assertTrue(
                            tally.reachedBodyChecks(target.label()) > 0,
                            "no request with a changed body got past the generic refusals of " + target.label()
                                    + " (seed " + seed + "):\n" + tally);
                }
            }
        }
        return new Run(seed, count, statuses, tally);
    }

    /** One kind of mutation, as often as before: values of a body twice as often as the others. */
    private static Mutation mutation(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> Mutation.TRUNCATED_BODY;
            case 1, 2 -> Mutation.ODD_VALUE;
            case 3 -> Mutation.HOSTILE_STRING;
            case 4 -> Mutation.GARBAGE_BODY;
            case 5 -> Mutation.WRONG_PATH;
            case 6 -> Mutation.WRONG_METHOD;
            case 7 -> Mutation.WRONG_MEDIA_TYPE;
            case 8 -> Mutation.OVERSIZED_BODY;
            default -> Mutation.BAD_QUERY;
        };
    }

    private static Place legacyPlace(Random random, int i) {
        return new Place("sub-hostile-" + hex(random), "n" + i);
    }

    /** Sends the target's request unchanged at a place of its own and insists that it succeeds. */
    private static void sendsUnmutated(Target target, Random random, boolean peer) {
        Place place = target.places().next(random);
        HostileRequest request = new HostileRequest(
                target.method(),
                place.fill(target.path()) + (target.path().contains("?") ? "&" : "?") + "api-version=2022-10-01",
                "application/json",
                place.fill(target.validBody()),
                peer ? TestTokens.peer(place.sub()) : null);
        Response response = request.send();
        assertTrue(
                response.statusCode() < 300,
                "the unmutated request of " + target.label() + " as " + (peer ? "a peer" : "the operator")
                        + " must succeed, or the hostile requests made from it test nothing: " + request + " -> "
                        + response.statusCode() + " " + HostileRequest.abbreviate(response.asString(), 300));
        if (!target.method().equals("GET")) {
            target.places().succeeded(place);
        }
    }

    private static String hex(Random random) {
        return Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode readOrFail(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("error answer is not the ARM JSON body: " + what, e);
        }
    }
}
