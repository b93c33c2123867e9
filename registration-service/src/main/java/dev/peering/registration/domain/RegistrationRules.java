package dev.peering.registration.domain;

import dev.peering.core.ArmException;
import dev.peering.core.PublicAsnRules;
import java.util.regex.Pattern;

/** The rules a registration or a Peering Service request must follow before anything is stored. */
public final class RegistrationRules {

    // Azure regions and provider names: letters, digits, spaces and a few separators.
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()\\-]{0,99}");

    /** The provisioningState of every resource here: each is ready when its request returns. */
    public static final String SUCCEEDED = "Succeeded";

    private RegistrationRules() {}

    /** A customer ASN must be a public one, by the same rules as PeerAsn validation. */
    public static long requirePublicAsn(Long asn) {
        if (asn == null) {
            throw ArmException.invalidField("properties.asn", "is required: the customer's public ASN.");
        }
        if (!PublicAsnRules.inRange(asn)) {
            throw ArmException.invalidField(
                    "properties.asn", "must be a 32-bit ASN from 1 to 4294967295; " + asn + " is not.");
        }
        PublicAsnRules.whyNotPublic(asn).ifPresent(reason -> {
            throw ArmException.invalidField("properties.asn", "is not a public ASN: " + reason + ".");
        });
        return asn;
    }

    /** The Prefix Key a customer sends: required, and of the form of a key (a GUID). */
    public static String requirePrefixKey(String key) {
        if (key == null || key.isBlank()) {
            throw ArmException.invalidField(
                    "properties.peeringServicePrefixKey",
                    "is required: the Prefix Key your service provider gave you.");
        }
        if (!PrefixKeys.looksLikeKey(key)) {
            throw ArmException.invalidField(
                    "properties.peeringServicePrefixKey",
                    "must be a Prefix Key as your service provider gave it (a GUID such as"
                            + " 6f1e4d5c-0000-4000-8000-000000000000).");
        }
        return PrefixKeys.normalize(key);
    }

    /** A short free-text property: a location or a provider name. */
    public static String requireText(String field, String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                throw ArmException.invalidField(field, "is required.");
            }
            return null;
        }
        if (!TEXT.matcher(value).matches()) {
            throw ArmException.invalidField(
                    field, "may hold letters, digits, spaces, '.', '_', '-', '(' and ')' (at most 100 characters).");
        }
        return value;
    }
}
