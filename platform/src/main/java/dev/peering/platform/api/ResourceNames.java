package dev.peering.platform.api;

import dev.peering.core.ArmException;
import java.util.regex.Pattern;

/** The names ARM allows in a resource path segment that a user chooses. */
public final class ResourceNames {

    // Letters, digits, '_', '-', '.' and '(' ')', not ending in '.', at most 80 characters: the common ARM rule.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_()\\-.]{0,79}[A-Za-z0-9_()\\-]");
    // Subscription ids are GUIDs in Azure; this control plane also accepts simple ids such as "subId" of the examples.
    private static final Pattern SUBSCRIPTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-]{0,63}");
    // Resource group names: letters, digits, '_', '-', '.', '(' ')', up to 90, not ending in '.'.
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[A-Za-z0-9_()\\-.]{0,89}[A-Za-z0-9_()\\-]");

    private ResourceNames() {}

    /** Refuses a resource name ARM would not accept, naming the parameter. */
    public static String requireName(String parameter, String value) {
        return require(
                NAME,
                parameter,
                value,
                "letters, digits, '_', '-', '.', '(' and ')', 1-80 characters, not ending in '.'");
    }

    public static String requireSubscription(String value) {
        return require(SUBSCRIPTION, "subscriptionId", value, "letters, digits and '-', up to 64 characters");
    }

    public static String requireResourceGroup(String value) {
        return require(
                RESOURCE_GROUP,
                "resourceGroupName",
                value,
                "letters, digits, '_', '-', '.', '(' and ')', 1-90 characters, not ending in '.'");
    }

    private static String require(Pattern pattern, String parameter, String value, String allowed) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new ArmException(
                    400,
                    "InvalidResourceName",
                    "The " + parameter + " '" + abbreviate(value) + "' is invalid: use " + allowed + ".");
        }
        return value;
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
