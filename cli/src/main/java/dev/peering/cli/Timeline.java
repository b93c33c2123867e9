package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peering.events.CloudEvent;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns events of any topic into timeline entries, and entries into lines for people or JSON for
 * machines. It knows no event type by name: a state change is any {@code previousX}/{@code x} pair in
 * the data, so the events of a new service read well without a change here.
 */
public final class Timeline {

    /** The state fields, in the order a change of them is shown first. */
    private static final List<String> STATE_FIELDS = List.of(
            "validationState",
            "provisioningState",
            "connectionState",
            "sessionStateV4",
            "sessionStateV6",
            "prefixValidationState",
            "state");

    /** Short labels of the session states, so a timeline line stays narrow. */
    private static final Map<String, String> LABELS = Map.of("sessionStateV4", "v4 ", "sessionStateV6", "v6 ");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final String PROVIDER = "/providers/microsoft.peering/";

    private Timeline() {}

    public static TimelineEntry entry(String topic, String key, CloudEvent event) {
        JsonNode data = event.data();
        List<TimelineEntry.Change> changes = changes(data, event.type());
        String subject = event.subject() != null ? event.subject() : key;
        return new TimelineEntry(
                event.time(),
                topic,
                service(event.source(), topic),
                event.type(),
                event.subject(),
                key,
                shortResource(subject),
                changes,
                currentState(data),
                reason(data),
                event.correlationid(),
                event.subscription() != null ? event.subscription() : text(data, "subscriptionId"),
                event.id(),
                redact(data));
    }

    /** {@code HH:mm:ss.SSS  service  resource  old -> new  reason}, in the given zone. */
    public static String line(TimelineEntry e, ZoneId zone) {
        String time = e.time() == null ? "--:--:--.---" : CLOCK.format(e.time().atZoneSameInstant(zone));
        return String.format(
                        Locale.ROOT,
                        "%s  %-22s  %-44s  %-34s  %s",
                        time,
                        e.service(),
                        e.resource(),
                        change(e),
                        e.reason() == null ? "" : e.reason())
                .stripTrailing();
    }

    /** One JSON object per entry, for {@code --output json} (JSON lines). */
    public static String json(TimelineEntry e) {
        ObjectNode o = ArmClient.JSON.createObjectNode();
        o.put("time", e.time() == null ? null : e.time().toString());
        o.put("topic", e.topic());
        o.put("service", e.service());
        o.put("type", e.type());
        o.put("resource", e.resource());
        o.put("subject", e.subject());
        o.put("key", e.key());
        o.put("change", change(e));
        if (!e.changes().isEmpty()) {
            TimelineEntry.Change first = e.changes().get(0);
            o.put("field", first.field());
            o.put("from", first.from());
            o.put("to", first.to());
        }
        o.put("state", e.state());
        o.put("reason", e.reason());
        o.put("correlationid", e.correlationId());
        o.put("subscription", e.subscription());
        o.put("id", e.id());
        o.set("data", e.data());
        return ArmClient.write(o);
    }

    /** The change column: {@code Pending -> Approved}, {@code v4 Idle -> Connect}, or {@code created (Pending)}. */
    public static String change(TimelineEntry e) {
        if (e.changes().isEmpty()) {
            return e.state() == null ? e.typeName() : e.typeName() + " (" + e.state() + ")";
        }
        List<String> parts = new ArrayList<>();
        for (TimelineEntry.Change c : e.changes()) {
            parts.add(LABELS.getOrDefault(c.field(), "") + (c.from() == null ? "-" : c.from()) + " -> " + c.to());
        }
        return String.join("; ", parts);
    }

    /** {@code /subscriptions/s/resourceGroups/rg/providers/Microsoft.Peering/peerings/p} is {@code peerings/p}. */
    public static String shortResource(String id) {
        if (id == null) {
            return "";
        }
        int at = id.toLowerCase(Locale.ROOT).indexOf(PROVIDER);
        return at >= 0 ? id.substring(at + PROVIDER.length()) : id;
    }

    static String service(String source, String topic) {
        if (source == null || source.isBlank()) {
            return topic;
        }
        int slash = source.lastIndexOf('/');
        return slash >= 0 && slash < source.length() - 1 ? source.substring(slash + 1) : source;
    }

    private static List<TimelineEntry.Change> changes(JsonNode data, String type) {
        List<TimelineEntry.Change> changes = new ArrayList<>();
        boolean stateChangeType = type.toLowerCase(Locale.ROOT).endsWith("changed");
        List<String> fields = new ArrayList<>(STATE_FIELDS);
        Iterator<String> names = data.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith("previous") && name.length() > "previous".length()) {
                String field = decapitalize(name.substring("previous".length()));
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            }
        }
        for (String field : fields) {
            String previous = text(data, "previous" + capitalize(field));
            String current = text(data, field);
            if (current == null) {
                continue;
            }
            if (previous != null
                    ? !previous.equals(current)
                    : stateChangeType && changes.isEmpty() && isPrimary(field)) {
                changes.add(new TimelineEntry.Change(field, previous, current));
            }
        }
        return changes;
    }

    /** A first state (no previous) is a change only for the resource's own state, not its sessions. */
    private static boolean isPrimary(String field) {
        return STATE_FIELDS.contains(field) && !LABELS.containsKey(field);
    }

    private static String currentState(JsonNode data) {
        for (String field : STATE_FIELDS) {
            String value = text(data, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String reason(JsonNode data) {
        String reason = text(data, "reason");
        String error = text(data, "errorMessage");
        if (reason != null && error != null && !reason.equals(error)) {
            return reason + ": " + error;
        }
        return reason != null ? reason : error;
    }

    /**
     * The data without anything named like a key (a Prefix Key or an MD5 key must never be printed);
     * flags such as {@code md5AuthenticationKeyConfigured} stay.
     */
    static JsonNode redact(JsonNode data) {
        if (data == null) {
            return null;
        }
        JsonNode copy = data.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> secret = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                if (value.isTextual() && name.toLowerCase(Locale.ROOT).contains("key")) {
                    secret.add(name);
                } else {
                    redactInPlace(value);
                }
            });
            secret.forEach(name -> object.put(name, "***"));
        } else if (node != null && node.isArray()) {
            node.forEach(Timeline::redactInPlace);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
