package dev.peering.registration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.core.ArmException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrefixRulesTest {

    @ParameterizedTest
    @CsvSource({
        "20.1.2.0/24, 20.1.2.0/24",
        "8.0.0.0/8, 8.0.0.0/8",
        "2620:1EC::/48, 2620:1ec::/48",
        "2620:01ec:0000::/36, 2620:1ec::/36",
        "2a01:111:f400::/48, 2a01:111:f400::/48"
    })
    void publicPrefixesAreAccepted(String text, String canonical) {
        PrefixRules.Prefix p = PrefixRules.parse(text);
        assertEquals(canonical, p.canonical());
        assertEquals(Optional.empty(), PrefixRules.whyNotAcceptable(p));
    }

    // The scheduler re-reads what was stored: a canonical form it cannot parse would stop validation for all.
    @ParameterizedTest
    @ValueSource(strings = {"20.1.2.0/24", "2620:1EC::/48", "::ffff:20.1.2.0/120", "::FFFF:8.8.8.0/120"})
    void theStoredFormReadsBackAsTheSamePrefix(String text) {
        PrefixRules.Prefix p = PrefixRules.parse(text);
        assertEquals(p.canonical(), PrefixRules.parse(p.canonical()).canonical());
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0/8, this network",
        "10.1.0.0/16, RFC 1918",
        "172.16.0.0/12, RFC 1918",
        "172.31.255.0/24, RFC 1918",
        "192.168.1.0/24, RFC 1918",
        "100.64.0.0/10, RFC 6598",
        "127.0.0.0/8, loopback",
        "169.254.1.0/24, link-local",
        "192.0.0.0/24, IETF",
        "192.0.2.0/24, documentation",
        "198.18.0.0/15, benchmarking",
        "198.51.100.0/24, documentation",
        "203.0.113.0/24, documentation",
        "224.0.0.0/4, multicast",
        "239.1.0.0/16, multicast",
        "240.0.0.0/4, reserved",
        "255.255.255.0/24, reserved",
        "0.0.0.0/0, covers",
        "192.0.0.0/8, covers 192.0.0.0/24",
        "20.1.2.0/25, more specific than /24",
        "::/0, global unicast",
        "::1/128, global unicast",
        "fc00::/7, global unicast",
        "fd12:3456::/32, global unicast",
        "fe80::/10, global unicast",
        "ff02::/16, global unicast",
        "::ffff:20.1.2.0/120, global unicast",
        "2001:db8::/32, documentation",
        "2001:db8:1234::/48, documentation",
        "2001::/32, IETF",
        "2620:1ec::/56, more specific than /48"
    })
    void reservedPrefixesAreRefusedWithTheirRule(String text, String words) {
        Optional<String> why = PrefixRules.whyNotAcceptable(PrefixRules.parse(text));
        assertTrue(why.isPresent(), text);
        assertTrue(why.get().contains(words), why.get());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "20.1.2.0",
                "20.1.2.0/",
                "/24",
                "20.1.2.0/33",
                "20.1.2.0/024x",
                "20.1.2/24",
                "20.1.2.0.0/24",
                "256.1.2.0/24",
                "020.1.2.0/24",
                "20.1.2.0/24/24",
                "localhost/24",
                "example.com/24",
                "2001:db8::/129",
                "2001:db8::1%eth0/64",
                "2001:db8:::/48",
                "20.1.2.1/24",
                "2620:1ec::1/48",
                " 20.1.2.0/24"
            })
    void textThatIsNotAPrefixIsBadInput(String text) {
        ArmException e = assertThrows(ArmException.class, () -> PrefixRules.parse(text));
        assertEquals(400, e.status());
        assertEquals("InvalidRequestContent", e.code());
        assertTrue(e.getMessage().contains("properties.prefix"));
    }

    @ParameterizedTest
    @CsvSource({"20.1.2.5/24, 20.1.2.0/24", "2620:1ec::1/48, 2620:1ec::/48"})
    void hostBitsNameTheRealPrefix(String text, String prefix) {
        ArmException e = assertThrows(ArmException.class, () -> PrefixRules.parse(text));
        assertTrue(e.getMessage().contains("host bits"), e.getMessage());
        assertTrue(e.getMessage().contains(prefix), e.getMessage());
    }

    @Test
    void aMissingPrefixIsRequired() {
        ArmException e = assertThrows(ArmException.class, () -> PrefixRules.parse(null));
        assertTrue(e.getMessage().contains("is required"));
    }
}
