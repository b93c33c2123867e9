package dev.peering.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAsnRulesTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 174, 3356, 8074, 8076, 23455, 23457, 64495, 131072, 399999, 4_199_999_999L})
    void publicAsnsPass(long asn) {
        assertTrue(PublicAsnRules.whyNotPublic(asn).isEmpty(), "expected public: " + asn);
    }

    @ParameterizedTest
    @CsvSource({
        "0, reserved",
        "23456, AS_TRANS",
        "64496, documentation",
        "64511, documentation",
        "64512, private",
        "65000, private",
        "65534, private",
        "65535, reserved",
        "65536, documentation",
        "65551, documentation",
        "65552, reserved",
        "131071, reserved",
        "4200000000, private",
        "4294967294, private",
        "4294967295, reserved",
        "8075, Microsoft"
    })
    void notPublicAsnsNameTheRule(long asn, String word) {
        String reason = PublicAsnRules.whyNotPublic(asn).orElseThrow();
        assertTrue(reason.contains(word), reason);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 4_294_967_296L, Long.MAX_VALUE})
    void outOfRange(long asn) {
        assertFalse(PublicAsnRules.inRange(asn));
        assertEquals(true, PublicAsnRules.whyNotPublic(asn).isPresent());
    }
}
