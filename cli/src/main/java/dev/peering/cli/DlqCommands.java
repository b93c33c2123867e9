package dev.peering.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code peering dlq ...}: the dead letters of each service's consuming channels, for the peering operator
 * (a token with the operator role). Each service reads its own dead-letter topics and replays a record
 * through its own inbox, idempotent by event id (ADR 0018); the gateway routes {@code /deadLetters/{service}}.
 */
@Command(
        name = "dlq",
        description = "Operator: list, show and replay the events a consumer dead-lettered.",
        subcommands = {DlqCommands.ListDeadLetters.class, DlqCommands.Show.class, DlqCommands.Replay.class})
final class DlqCommands extends GroupCommand {

    static final List<String> SERVICES =
            List.of("asn-validation-service", "peering-service", "connection-service", "registration-service");

    static final List<Column> CHANNELS = List.of(
            Column.at("Service", "/service"),
            Column.at("Channel", "/channel"),
            Column.at("Topic", "/topic"),
            Column.at("Records", "/records"),
            Column.at("Replayable", "/replayable"));

    static final List<Column> RECORDS = List.of(
            Column.at("Id", "/id"),
            Column.at("Timestamp", "/timestamp"),
            Column.at("EventType", "/eventType"),
            Column.at("Subject", "/subject"),
            Column.at("Applied", "/applied"),
            Column.at("Reason", "/reason"));

    /** One record whole: its columns in the list, and where it came from and why it failed. */
    static final List<Column> RECORD = Stream.concat(
                    RECORDS.stream(),
                    Stream.of(
                            Column.at("EventId", "/eventId"),
                            Column.at("OriginalTopic", "/originalTopic"),
                            Column.at("Cause", "/cause")))
            .toList();

    static final List<Column> OUTCOMES = List.of(
            Column.at("Id", "/id"),
            Column.at("EventId", "/eventId"),
            Column.at("Outcome", "/outcome"),
            Column.at("Message", "/message"));

    static void examples(Map<String, List<String>> e) {
        String op = " --token \"$OPERATOR\"";
        String where = " --service connection-service --channel peering-events";
        e.put("dlq", List.of("peering dlq list" + op));
        e.put(
                "dlq list",
                List.of(
                        "# Every channel of every service and how many records its dead-letter topic holds",
                        "peering dlq list" + op,
                        "peering dlq list" + where + op));
        e.put("dlq show", List.of("peering dlq show" + where + " --record 0-12 -o json" + op));
        e.put(
                "dlq replay",
                List.of(
                        "# After the cause is fixed: one record, or all (each event is applied at most once)",
                        "peering dlq replay" + where + " --record 0-12" + op,
                        "peering dlq replay" + where + " --all" + op));
    }

    /**
     * A verb on a service's dead letters: the service that serves them is the one {@code --service} names, so
     * {@link #service()} is that one's, not one per group, and the path is its channel's records (or, without a
     * channel, its channels).
     */
    abstract static class DlqCommand extends ResourceCommand {

        DlqCommand(CliContext ctx, List<Column> view) {
            super(ctx, new Kind("dead letter", null, view, null));
        }

        /** {@code --service}. */
        abstract String serviceName();

        /** {@code --channel}; null: the service's channels. */
        abstract String channel();

        @Override
        URI service() {
            return endpoint(serviceName());
        }

        /** A record's path, or its channel's (without a record). */
        @Override
        String path(String record) {
            return path(serviceName(), channel()) + (record == null ? "" : "/" + seg(record));
        }

        URI endpoint(String service) {
            Endpoints e = endpoints();
            Map<String, URI> byService = new HashMap<>();
            byService.put(SERVICES.get(0), e.asn());
            byService.put(SERVICES.get(1), e.peering());
            byService.put(SERVICES.get(2), e.connection());
            byService.put(SERVICES.get(3), e.registration());
            URI uri = byService.get(service);
            if (uri == null) {
                throw CliFailure.usage("--service must be one of " + SERVICES + "; got '" + service + "'");
            }
            return uri;
        }

        String path(String service, String channel) {
            return "/deadLetters/" + seg(service) + (channel == null ? "" : "/" + seg(channel));
        }
    }

    /** A channel of a service: the records live on that channel's dead-letter topic. */
    static class Channel {
        @Option(
                names = "--service",
                required = true,
                description = "The consuming service: asn-validation-service, peering-service, connection-service,"
                        + " registration-service.")
        String service;

        @Option(names = "--channel", required = true, description = "Its channel, e.g. peering-events.")
        String channel;
    }

    /** A verb on the records of the one channel {@code --service} and {@code --channel} name. */
    abstract static class OnChannel extends DlqCommand {

        @Mixin
        Channel where;

        OnChannel(CliContext ctx, List<Column> view) {
            super(ctx, view);
        }

        @Override
        String serviceName() {
            return where.service;
        }

        @Override
        String channel() {
            return where.channel;
        }
    }

    @Command(
            name = "list",
            description = "Without --channel: each service's channels and how many records their dead-letter topics"
                    + " hold. With --service and --channel: that channel's records, with the reason and whether the"
                    + " event has been applied since.")
    static final class ListDeadLetters extends DlqCommand {

        @Option(names = "--service", description = "Only this service (needed with --channel).")
        String service;

        @Option(names = "--channel", description = "List the records of this channel.")
        String channel;

        ListDeadLetters(CliContext ctx) {
            super(ctx, RECORDS);
        }

        @Override
        String serviceName() {
            return service;
        }

        @Override
        String channel() {
            return channel;
        }

        @Override
        void run() {
            if (channel != null) {
                if (service == null) {
                    throw CliFailure.usage("--channel needs --service: several services have a channel of that name");
                }
                list(false);
                return;
            }
            List<JsonNode> rows = new ArrayList<>();
            for (String s : service == null ? SERVICES : List.of(service)) {
                for (JsonNode c :
                        client().list(endpoint(s), path(s, null), null, false).items()) {
                    ObjectNode row = ArmClient.JSON.createObjectNode().put("service", s);
                    row.setAll((ObjectNode) c);
                    rows.add(row);
                }
            }
            printList(new ArmClient.Page(rows, false), CHANNELS);
        }
    }

    @Command(name = "show", description = "Shows one dead letter whole (-o json for its value and headers).")
    static final class Show extends OnChannel {

        @Option(names = "--record", required = true, description = "The record's id, partition-offset (e.g. 0-12).")
        String record;

        Show(CliContext ctx) {
            super(ctx, RECORD);
        }

        @Override
        void run() {
            show(record, null);
        }
    }

    @Command(
            name = "replay",
            description = "Applies one dead letter (--record) or all of them (--all) again through the service's inbox,"
                    + " after the cause is fixed. An event applied before is not applied again (alreadyApplied); one"
                    + " that fails again stays on the topic (failed, exit code 1).")
    static final class Replay extends OnChannel {

        @Option(names = "--record", description = "The record's id, partition-offset (e.g. 0-12).")
        String record;

        @Option(names = "--all", description = "Every record of the channel's dead-letter topic.")
        boolean all;

        Replay(CliContext ctx) {
            super(ctx, OUTCOMES);
        }

        @Override
        void run() {
            if ((record == null) == !all) {
                throw CliFailure.usage("name one --record, or pass --all");
            }
            Map<String, String> query = new LinkedHashMap<>();
            query.put("record", record);
            JsonNode answer = client().send("POST", service(), path(null) + "/replay", query, null)
                    .body();
            List<JsonNode> outcomes = new ArrayList<>();
            answer.path("value").forEach(outcomes::add);
            printList(new ArmClient.Page(outcomes, false), OUTCOMES);
            long failed = outcomes.stream()
                    .filter(o -> "failed".equals(o.path("outcome").asText()))
                    .count();
            if (failed > 0) {
                throw CliFailure.arm(
                        200, "DeadLetterReplayFailed", failed + " of " + outcomes.size() + " records failed again");
            }
        }
    }
}
