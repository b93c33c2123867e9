package dev.peering.faultsuite.check;

import dev.peering.faultsuite.stack.Service;
import dev.peering.localinfra.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the databases prove. Only the checker reads them, never the drive: each read model equals its
 * owner's state, every outbox is drained, and every consumer applied every event of its topic once.
 *
 * <p>Tables compared: peering-service {@code peer_asn_view} with asn-validation-service {@code peer_asn};
 * peering-service {@code peering_connection} (joined to {@code peering}) and registration-service
 * {@code connection_view} with connection-service {@code peering_connection}; registration-service
 * {@code peering_view} with peering-service {@code peering}.
 */
public final class StoreChecks {

    /** Read-model differences, with the first few named. */
    public record ReadModels(long compared, long mismatches, List<String> findings) {}

    /** One consumer against its topic: events it never applied, ids it applied that are not on the topic. */
    public record Consumption(String consumer, long onTopic, long applied, long notApplied, long unknownApplied) {}

    private final PostgresServer postgres;

    public StoreChecks(PostgresServer postgres) {
        this.postgres = postgres;
    }

    /** Rows still waiting in each service's outbox. */
    public Map<Service, Long> outboxBacklog() throws SQLException {
        Map<Service, Long> backlog = new HashMap<>();
        for (Service service : Service.values()) {
            backlog.put(
                    service,
                    query(service, "select count(*) from outbox_event", rs -> rs.getLong(1))
                            .get(0));
        }
        return backlog;
    }

    public ReadModels readModels() throws SQLException {
        List<String> findings = new ArrayList<>();
        long compared = 0;
        long mismatches = 0;

        Map<String, String> peerAsns = map(
                Service.ASN,
                "select '/subscriptions/' || subscription_id || '/providers/Microsoft.Peering/peerAsns/' || name,"
                        + " validation_state from peer_asn");
        Map<String, String> peerAsnView =
                map(Service.PEERING, "select peer_asn_id, validation_state from peer_asn_view");
        compared += peerAsns.size();
        mismatches += compare("peering-service peer_asn_view", peerAsns, peerAsnView, findings);

        Map<String, String> connections = map(
                Service.CONNECTION,
                "select peering_id || '/connections/' || connection_identifier,"
                        + " connection_state || ' ' || session_state_v4 || ' ' || session_state_v6"
                        + " from peering_connection where not decommissioning");
        Map<String, String> peeringConnections = map(
                Service.PEERING,
                "select p.resource_id || '/connections/' || c.connection_identifier,"
                        + " c.connection_state || ' ' || c.session_state_v4 || ' ' || c.session_state_v6"
                        + " from peering_connection c join peering p on p.id = c.peering_id where c.requested");
        compared += connections.size();
        mismatches += compare("peering-service peering_connection", connections, peeringConnections, findings);

        Map<String, String> connectionStates = new HashMap<>();
        connections.forEach((id, states) -> connectionStates.put(id, states.split(" ")[0]));
        Map<String, String> registrationConnections = map(
                Service.REGISTRATION,
                "select peering_id || '/connections/' || connection_identifier, connection_state from connection_view");
        compared += connectionStates.size();
        mismatches +=
                compare("registration-service connection_view", connectionStates, registrationConnections, findings);

        // registration-service keeps only whether a peering failed; every other state is "Live" to it.
        Map<String, String> peerings = map(
                Service.PEERING,
                "select resource_id, case provisioning_state when 'Failed' then 'Failed' else 'Live' end from peering");
        Map<String, String> peeringView = map(Service.REGISTRATION, "select peering_id, state from peering_view");
        compared += peerings.size();
        mismatches += compare("registration-service peering_view", peerings, peeringView, findings);
        return new ReadModels(compared, mismatches, findings);
    }

    /** Each consumer's {@code consumed_event} against the event ids on its topic, minus what it dead-lettered. */
    public List<Consumption> consumption(Map<String, Set<String>> idsByTopic, Map<String, Set<String>> deadLettered)
            throws SQLException {
        List<Consumption> result = new ArrayList<>();
        for (Service service : Service.values()) {
            for (String channel : service.channels()) {
                String consumer = service.consumer(channel);
                Set<String> onTopic = new HashSet<>(idsByTopic.getOrDefault("peering." + channel, Set.of()));
                onTopic.removeAll(deadLettered.getOrDefault(consumer + ".dlq", Set.of()));
                Set<String> applied = new HashSet<>(query(
                        service,
                        "select event_id from consumed_event where consumer = '" + consumer + "'",
                        rs -> rs.getString(1)));
                long notApplied =
                        onTopic.stream().filter(id -> !applied.contains(id)).count();
                long unknown =
                        applied.stream().filter(id -> !onTopic.contains(id)).count();
                result.add(new Consumption(consumer, onTopic.size(), applied.size(), notApplied, unknown));
            }
        }
        return result;
    }

    private static long compare(
            String readModel, Map<String, String> owner, Map<String, String> view, List<String> findings) {
        long mismatches = 0;
        Map<String, String> viewLower = new HashMap<>();
        view.forEach((id, state) -> viewLower.put(id.toLowerCase(Locale.ROOT), state));
        for (Map.Entry<String, String> entry : owner.entrySet()) {
            String seen = viewLower.remove(entry.getKey().toLowerCase(Locale.ROOT));
            if (!entry.getValue().equals(seen)) {
                mismatches++;
                if (findings.size() < 30) {
                    findings.add(readModel + ": " + entry.getKey() + " is '" + entry.getValue() + "' at its owner, '"
                            + seen + "' in the view");
                }
            }
        }
        for (String extra : viewLower.keySet()) {
            mismatches++;
            if (findings.size() < 30) {
                findings.add(readModel + ": " + extra + " is in the view but not at its owner");
            }
        }
        return mismatches;
    }

    private Map<String, String> map(Service service, String sql) throws SQLException {
        Map<String, String> map = new HashMap<>();
        for (String[] row : query(service, sql, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            map.put(row[0], row[1]);
        }
        return map;
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(Service service, String sql, Row<T> row) throws SQLException {
        try (Connection connection = postgres.connect(service.database());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        }
    }
}
