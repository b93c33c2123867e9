package dev.peering.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated hostile requests against a service's REST operations: malformed JSON, wrong types, huge
 * and empty strings, out-of-range numbers, odd Unicode, wrong paths, methods and media types, oversized
 * bodies. Every answer must be below 500 and, when it is an error, carry the ARM error body; a refused
 * request must store nothing.
 *
 * <p>Values come from jqwik arbitraries (sampled outside jqwik's engine, which cannot run inside a
 * {@code @QuarkusTest}); which mutation hits which operation follows the caller's seed. A failure
 * names the whole request.
 */
public final class HostileInput {

    /**
     * An operation to attack. {@code path} holds {@code {sub}} and {@code {name}}; {@code validBody} is
     * a body the operation accepts (null for none). {@code stored} tells, for a subscription and name,
     * whether a resource exists there now, so a refused request can be checked to have stored nothing.
     */
    public record Target(String method, String path, String validBody, BiPredicate<String, String> stored) {}

    /** What one run did, for the test's report. */
    public record Outcome(int requests, Map<Integer, Integer> statuses) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] METHODS = {"GET", "PUT", "POST", "PATCH", "DELETE"};
    private static final String[] MEDIA_TYPES = {
        "application/json",
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "application/json; charset=latin1"
    };

    private static final Arbitrary<JsonNode> ODD_VALUES = oddValues();
    private static final Arbitrary<String> HOSTILE_STRINGS = hostileStrings();
    private static final Arbitrary<String> GARBAGE = garbage();
    private static final Arbitrary<String> WRONG_PATHS = wrongPaths();
    private static final Arbitrary<String> BAD_QUERIES = badQueries();

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

    /** Sends {@code count} generated requests spread over the targets and checks every answer. */
    public static Outcome attack(List<Target> targets, int count, long seed) {
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            Target target = targets.get(random.nextInt(targets.size()));
            String sub = "sub-hostile-" + UUID.randomUUID();
            String name = "n" + i;
            Request request = mutate(target, sub, name, random);
            Response response = request.send();
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String what = request + " -> " + status + " " + abbreviate(response.asString());
            assertTrue(status < 500, "5xx for " + what);
            if (status >= 400) {
                JsonNode error = readOrFail(response.asString(), what).path("error");
                assertFalse(error.path("code").asText().isEmpty(), "no ARM error code: " + what);
                assertFalse(error.path("message").asText().isEmpty(), "no ARM error message: " + what);
                if (target.stored() != null && request.method.equals("PUT")) {
                    assertFalse(target.stored().test(sub, name), "a refused request stored something: " + what);
                }
            }
        }
        assertEquals(
                count, statuses.values().stream().mapToInt(Integer::intValue).sum());
        return new Outcome(count, statuses);
    }

    private record Request(String method, String path, String contentType, String body) {
        Response send() {
            var spec = given().urlEncodingEnabled(false);
            if (body != null) {
                spec.contentType(contentType).body(body);
            }
            return spec.request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + abbreviate(path) + " [" + contentType + "] " + abbreviate(body);
        }
    }

    private static Request mutate(Target target, String sub, String name, Random random) {
        String path = target.path().replace("{sub}", sub).replace("{name}", name) + "?api-version=2022-10-01";
        String body = target.validBody();
        String method = target.method();
        String contentType = "application/json";
        switch (random.nextInt(10)) {
            case 0 -> body = truncate(body, random);
            case 1, 2 -> body = replaceLeaf(body, random, sample(ODD_VALUES, random));
            case 3 -> body = replaceLeaf(body, random, NODES.textNode(sample(HOSTILE_STRINGS, random)));
            case 4 -> body = sample(GARBAGE, random);
            case 5 -> path = "/subscriptions/" + sub + sample(WRONG_PATHS, random) + "?api-version=2022-10-01";
            case 6 -> method = METHODS[random.nextInt(METHODS.length)];
            case 7 -> contentType = MEDIA_TYPES[random.nextInt(MEDIA_TYPES.length)];
            case 8 -> body = oversized(body, random);
            default -> path = path.replace("api-version=2022-10-01", sample(BAD_QUERIES, random));
        }
        return new Request(method, path, contentType, body == null ? "" : body);
    }

    private static final Map<Arbitrary<?>, List<?>> SAMPLES = new java.util.concurrent.ConcurrentHashMap<>();

    /** One of 200 values jqwik drew from the arbitrary (drawn once), picked with the run's seeded random. */
    private static <T> T sample(Arbitrary<T> arbitrary, Random random) {
        @SuppressWarnings("unchecked")
        List<T> values = (List<T>) SAMPLES.computeIfAbsent(
                arbitrary, a -> a.sampleStream().limit(200).toList());
        return values.get(random.nextInt(values.size()));
    }

    private static String truncate(String body, Random random) {
        if (body == null || body.length() < 2) {
            return "{";
        }
        return body.substring(0, 1 + random.nextInt(body.length() - 1));
    }

    private static String oversized(String body, Random random) {
        String filler = "x".repeat(300_000 + random.nextInt(100_000));
        return body == null ? filler : body.replaceFirst("\\{", "{\"padding\":\"" + filler + "\",");
    }

    /** Replaces one value of the body, anywhere in its tree, with {@code value}. */
    private static String replaceLeaf(String body, Random random, JsonNode value) {
        if (body == null) {
            return value.toString();
        }
        try {
            JsonNode root = JSON.readTree(body);
            List<Runnable> places = new ArrayList<>();
            collect(root, value, places);
            if (places.isEmpty()) {
                return value.toString();
            }
            places.get(random.nextInt(places.size())).run();
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalArgumentException("the valid body of a target must be JSON: " + body, e);
        }
    }

    private static void collect(JsonNode node, JsonNode value, List<Runnable> places) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(field -> {
                places.add(() -> object.set(field, value));
                places.add(() -> object.remove(field));
                collect(object.get(field), value, places);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                places.add(() -> array.set(index, value));
                collect(array.get(i), value, places);
            }
        }
    }

    static Arbitrary<JsonNode> oddValues() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L, 4_294_967_296L)
                        .map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(1e308, -1e308, 0.5).map(NODES::numberNode),
                Arbitraries.bigIntegers()
                        .between(java.math.BigInteger.TEN.pow(19), java.math.BigInteger.TEN.pow(30))
                        .map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.just(NODES.arrayNode()),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode));
    }

    static Arbitrary<String> hostileStrings() {
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.just(" "),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(64),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .ofMinLength(1)
                        .ofMaxLength(8),
                Arbitraries.of("\u202e\u0041\u0042", "\u200b\u200b", "\ud83d\ude00", "\ufeff", "e\u0301", "\uffff"),
                Arbitraries.strings().withChars('a', 'Z', ' ').ofLength(5_000),
                Arbitraries.of(
                        "'; drop table peer_asn; --",
                        "<script>alert(1)</script>",
                        "../../etc/passwd",
                        "%00",
                        "${jndi:ldap://x}"));
    }

    static Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "", "null", "[]", "42", "\"text\"", "{}", "{\"properties\":null}", "{\"properties\":[]}"),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", "{\"properties\":{}}{}", "\u0000"));
    }

    /** Paths below {@code /subscriptions/<sub>} that name no operation, or name one badly. */
    static Arbitrary<String> wrongPaths() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "/providers/Microsoft.Peering",
                        "/providers/Microsoft.Peering/unknown",
                        "/providers/Microsoft.Other/peerAsns/x",
                        "/providers/Microsoft.Peering/peerAsns/%2e%2e",
                        "/providers/Microsoft.Peering/peerAsns/a%20b",
                        "/providers/Microsoft.Peering/peerAsns/" + "a".repeat(2000),
                        "/resourceGroups/%00/providers/Microsoft.Peering/peerings/x",
                        "/resourceGroups/rg/providers/Microsoft.Peering/peerings/x/unknown/y",
                        ""),
                Arbitraries.strings().withChars("abc/.-_~").ofMaxLength(60).map(s -> "/" + s));
    }

    static Arbitrary<String> badQueries() {
        return Arbitraries.of(
                "api-version=",
                "api-version=2019-01-01",
                "api-version=2022-10-01&api-version=2021-01-01",
                "x=1",
                "api-version=2022-10-01&$top=-1",
                "api-version=2022-10-01&$top=abc",
                "api-version=2022-10-01&$top=100000",
                "api-version=%ff");
    }

    private static JsonNode readOrFail(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("error answer is not the ARM JSON body: " + what, e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 160 ? s.substring(0, 160) + "...(" + s.length() + " chars)" : s;
    }
}
