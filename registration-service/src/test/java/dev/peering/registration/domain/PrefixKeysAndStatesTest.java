package dev.peering.registration.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.peering.core.ArmException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefixKeysAndStatesTest {

    @Test
    void keysAreRandomUuidsAndTheirHashIgnoresCase() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String key = PrefixKeys.issue();
            assertTrue(PrefixKeys.looksLikeKey(key));
            assertEquals('4', key.charAt(14), "a random (version 4) UUID");
            keys.add(key);
        }
        assertEquals(10_000, keys.size());
        String key = PrefixKeys.issue();
        assertEquals(PrefixKeys.hash(key), PrefixKeys.hash(key.toUpperCase()));
        assertNotEquals(PrefixKeys.hash(key), PrefixKeys.hash(PrefixKeys.issue()));
        assertEquals(64, PrefixKeys.hash(key).length());
        assertFalse(PrefixKeys.hash(key).contains(key));
    }

    @Test
    void aCustomerKeyMustHaveTheFormOfAKey() {
        assertEquals(
                "6f1e4d5c-0000-4000-8000-00000000000a",
                RegistrationRules.requirePrefixKey("6F1E4D5C-0000-4000-8000-00000000000A"));
        assertThrows(ArmException.class, () -> RegistrationRules.requirePrefixKey("not-a-key"));
        assertThrows(ArmException.class, () -> RegistrationRules.requirePrefixKey(null));
        assertThrows(ArmException.class, () -> RegistrationRules.requirePrefixKey("6f1e4d5c00004000800000000000000a"));
    }

    @Test
    void customerAsnsMustBePublic() {
        assertEquals(3356, RegistrationRules.requirePublicAsn(3356L));
        for (long asn : new long[] {0, 23456, 64512, 65000, 4_200_000_000L, 8075, 4_294_967_295L, -1, 4_294_967_296L}) {
            ArmException e = assertThrows(ArmException.class, () -> RegistrationRules.requirePublicAsn(asn));
            assertEquals(400, e.status());
        }
        assertThrows(ArmException.class, () -> RegistrationRules.requirePublicAsn(null));
    }

    @Test
    void prefixValidationStatesMoveOnlyAlongTheTable() {
        assertTrue(PrefixValidationState.None.canMoveTo(PrefixValidationState.Pending));
        assertTrue(PrefixValidationState.Pending.canMoveTo(PrefixValidationState.Verified));
        assertTrue(PrefixValidationState.Pending.canMoveTo(PrefixValidationState.Failed));
        assertTrue(PrefixValidationState.Verified.canMoveTo(PrefixValidationState.Failed));
        assertTrue(PrefixValidationState.Failed.canMoveTo(PrefixValidationState.Pending));
        assertFalse(PrefixValidationState.None.canMoveTo(PrefixValidationState.Verified));
        assertFalse(PrefixValidationState.Failed.canMoveTo(PrefixValidationState.Verified));
        assertFalse(PrefixValidationState.Verified.canMoveTo(PrefixValidationState.Verified));
    }
}
