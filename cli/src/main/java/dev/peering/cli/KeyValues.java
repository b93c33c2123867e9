package dev.peering.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** {@code --tags env=prod team=noc} as the ARM tags object. */
public final class KeyValues {

    private KeyValues() {}

    public static ObjectNode tags(List<String> pairs) {
        ObjectNode tags = ArmClient.JSON.createObjectNode();
        if (pairs == null) {
            return tags;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw CliFailure.usage("--tags: '" + pair + "' is not key=value");
            }
            tags.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return tags;
    }
}
