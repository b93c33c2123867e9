package dev.peering.registration.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Prefix Keys: issued as random UUIDs, looked up by their SHA-256 hash. A lookup by hash compares
 * digests, not the secret, so how long it takes says nothing about how close a guess was.
 */
public final class PrefixKeys {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PrefixKeys() {}

    /** A new key: {@link UUID#randomUUID()} draws its 122 random bits from a SecureRandom. */
    public static String issue() {
        return UUID.randomUUID().toString();
    }

    /** Whether the text has the form of a key (a GUID), whatever key it is. */
    public static boolean looksLikeKey(String key) {
        return key != null && UUID_FORM.matcher(key).matches();
    }

    /** The key as stored and compared: lower case. */
    public static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /** The hash a key is found by. */
    public static String hash(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalize(key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
