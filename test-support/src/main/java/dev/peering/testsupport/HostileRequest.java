package dev.peering.testsupport;

import static io.restassured.RestAssured.given;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

/**
 * One request of a {@link HostileInput} run, and how it is made: a target's valid request with one thing
 * changed ({@link #mutate}), its values drawn from jqwik arbitraries with the run's seeded random.
 */
record HostileRequest(String method, String path, String contentType, String body, String authorization) {
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

    Response send() {
        var spec = given().urlEncodingEnabled(false);
        if (authorization != null) {
            spec.header("Authorization", authorization);
        }
        if (body != null) {
            spec.contentType(contentType).body(body);
        }
        return spec.request(method, path);
    }

    @Override
    public String toString() {
        return method + " " + abbreviate(path, 160) + " [" + contentType + "] " + abbreviate(body, 160);
    }

    static HostileRequest mutate(
            HostileInput.Target target,
            HostileInput.Place place,
            HostileInput.Mutation mutation,
            Random random,
            String authorization) {
        String base = place.fill(target.path());
        String path = base + (base.contains("?") ? "&" : "?") + "api-version=2022-10-01";
        String body = place.fill(target.validBody());
        String method = target.method();
        String contentType = "application/json";
        switch (mutation) {
            case TRUNCATED_BODY -> body = truncate(body, random);
            case ODD_VALUE -> body = replaceLeaf(body, random, sample(ODD_VALUES, random));
            case HOSTILE_STRING -> body = replaceLeaf(body, random, NODES.textNode(sample(HOSTILE_STRINGS, random)));
            case GARBAGE_BODY -> body = sample(GARBAGE, random);
            case WRONG_PATH -> path =
                    "/subscriptions/" + place.sub() + sample(WRONG_PATHS, random) + "?api-version=2022-10-01";
            case WRONG_METHOD -> method = METHODS[random.nextInt(METHODS.length)];
            case WRONG_MEDIA_TYPE -> contentType = MEDIA_TYPES[random.nextInt(MEDIA_TYPES.length)];
            case OVERSIZED_BODY -> body = oversized(body, random);
            case BAD_QUERY -> path = path.replace("api-version=2022-10-01", sample(BAD_QUERIES, random));
        }
        return new HostileRequest(method, path, contentType, body == null ? "" : body, authorization);
    }

    private static final Map<Arbitrary<?>, RandomGenerator<?>> GENERATORS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One value of the arbitrary, drawn with the run's seeded random. jqwik's generators need its engine's
     * context, which {@code sample()} provides; the value inside is drawn from {@code random} alone.
     */
    @SuppressWarnings("unchecked")
    static <T> T sample(Arbitrary<T> arbitrary, Random random) {
        return Arbitraries.integers()
                .between(0, 0)
                .map(ignored -> ((RandomGenerator<T>)
                                GENERATORS.computeIfAbsent(arbitrary, a -> a.generator(1000, true)))
                        .next(random)
                        .value())
                .sample();
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

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) + "...(" + s.length() + " chars)" : s;
    }
}
