package dev.peering.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One answer of an ARM API: its status and JSON body ({@code {"error":{"code","message"}}} when it failed). */
public record ArmResult(int status, JsonNode body) {

    // ArmException.invalidField writes "'properties.direct.connections[0].bgpSession.peerSessionIPv4Address' ..."
    private static final Pattern FIELD = Pattern.compile("'([A-Za-z0-9_.\\[\\]]+)'");

    private static final Pattern CONNECTION = Pattern.compile("connections\\[(\\d+)]");

    public ArmResult {
        body = body == null ? MissingNode.getInstance() : body;
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public String errorCode() {
        return body.path("error").path("code").asText(ok() ? "" : "HTTP" + status);
    }

    public String errorMessage() {
        String message = body.path("error").path("message").asText("");
        return message.isEmpty() && !ok() ? "The service answered " + status + "." : message;
    }

    /**
     * The form field an error names: the last segment of the quoted property path in its message
     * ({@code peerSessionIPv4Address}), or empty when it names none, so the page shows it beside that field.
     */
    public String errorField() {
        Matcher matcher = FIELD.matcher(errorMessage());
        if (!matcher.find()) {
            return "";
        }
        String path = matcher.group(1);
        Matcher connection = CONNECTION.matcher(path);
        // a peering's connection i is the form's fieldset "c<i>."
        String prefix = connection.find() ? "c" + connection.group(1) + "." : "";
        path = path.replaceAll("\\[\\d+]", "");
        return prefix + path.substring(path.lastIndexOf('.') + 1);
    }
}
