package dev.peering.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores many peerings fast: rows written straight into peering-service's database (a peering with one
 * Active connection each, as its read model holds one), batched and committed a thousand at a time.
 * Through REST, 100,000 peerings would each start a real workflow across four services (at today's few
 * workflows a second, hours) and would need more distinct session addresses than the exchange LANs hold;
 * the GET and list runs need stored rows, not the workflows that made them. Nothing is published: the
 * rows are settled (Succeeded, Active, handed to provisioning), so no service acts on them.
 */
public final class Seeder {

    public static final int PER_SUBSCRIPTION = 100;
    static final String RESOURCE_GROUP = "rg-seed";

    private static final Set<String> PEERING_COLUMNS = Set.of(
            "id",
            "resource_id",
            "subscription_id",
            "resource_group",
            "name",
            "kind",
            "sku_name",
            "location",
            "direct_peering_type",
            "peer_asn_id",
            "peering_location",
            "tags",
            "provisioning_state",
            "error_message",
            "waiting_on_peer_asn",
            "correlation_id",
            "created_at",
            "updated_at",
            "version");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private int stored;

    public Seeder(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        this.user = user;
        this.password = password;
    }

    public static String subscription(int index) {
        return "bench-seed-" + (index / PER_SUBSCRIPTION);
    }

    public static String peeringPath(int index) {
        return "/subscriptions/" + subscription(index) + "/resourceGroups/" + RESOURCE_GROUP
                + "/providers/Microsoft.Peering/peerings/seed" + index;
    }

    public int stored() {
        return stored;
    }

    /** Adds peerings until {@code total} are stored; returns the seconds it took. */
    public double seedTo(int total) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            checkSchema(c);
            c.setAutoCommit(false);
            try (PreparedStatement peering = c.prepareStatement(
                            """
                            insert into peering (id, resource_id, subscription_id, resource_group, name, kind, sku_name,
                              location, direct_peering_type, peer_asn_id, peering_location, tags, provisioning_state,
                              waiting_on_peer_asn, created_at, updated_at, version)
                            values (?, ?, ?, ?, ?, 'Direct', 'Premium_Direct_Free', 'westus2', 'IxRs', ?, 'Seattle', '{}',
                              'Succeeded', false, ?, ?, 0)""");
                    PreparedStatement connection = c.prepareStatement(
                            """
                            insert into peering_connection (id, peering_id, connection_identifier, position,
                              peering_db_facility_id, bandwidth_in_mbps, provisioned_bandwidth_in_mbps,
                              session_address_provider, use_for_peering_service, session_prefix_v4,
                              microsoft_session_ipv4_address, peer_session_ipv4_address, max_prefixes_advertised_v4,
                              md5_configured, connection_state, session_state_v4, session_state_v6, requested)
                            values (?, ?, 'conn-a', 0, 143, 10000, 10000, 'Peer', false, '206.81.80.0/22',
                              '206.81.80.30', ?, 1000, false, 'Active', 'Established', 'None', true)""")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = stored; i < total; i++) {
                    String id = UUID.randomUUID().toString();
                    peering.setString(1, id);
                    peering.setString(2, peeringPath(i));
                    peering.setString(3, subscription(i));
                    peering.setString(4, RESOURCE_GROUP);
                    peering.setString(5, "seed" + i);
                    peering.setString(
                            6, "/subscriptions/" + subscription(i) + "/providers/Microsoft.Peering/peerAsns/seed-asn");
                    peering.setTimestamp(7, now);
                    peering.setTimestamp(8, now);
                    peering.addBatch();
                    connection.setString(1, UUID.randomUUID().toString());
                    connection.setString(2, id);
                    connection.setString(3, "206.81." + (80 + (i / 250) % 4) + "." + (1 + i % 250));
                    connection.addBatch();
                    if ((i + 1) % 1000 == 0 || i == total - 1) {
                        peering.executeBatch();
                        connection.executeBatch();
                        c.commit();
                    }
                }
            }
            try (PreparedStatement analyze = c.prepareStatement("analyze peering; analyze peering_connection")) {
                analyze.execute();
                c.commit();
            }
        }
        stored = Math.max(stored, total);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Fails clearly when peering-service's schema gained a required column this seeder does not fill. */
    private static void checkSchema(Connection c) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (PreparedStatement columns = c.prepareStatement(
                        "select column_name from information_schema.columns where table_name = 'peering'"
                                + " and is_nullable = 'NO' and column_default is null");
                ResultSet rs = columns.executeQuery()) {
            while (rs.next()) {
                if (!PEERING_COLUMNS.contains(rs.getString(1))) {
                    missing.add(rs.getString(1));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("peering-service's table peering has required columns the seeder does not"
                    + " know: " + missing + "; update dev.peering.bench.Seeder");
        }
    }
}
