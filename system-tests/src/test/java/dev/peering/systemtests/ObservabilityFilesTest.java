package dev.peering.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reading of deploy/observability that ObservabilityIT relies on, and the dashboard's own consistency. */
class ObservabilityFilesTest {

    @Test
    void metricNamesAreTheIdentifiersThatAreNeitherFunctionsNorLabels() {
        assertEquals(
                Set.of("peering_connection_time_to_active_seconds_bucket"),
                Observability.metricNames(
                        "histogram_quantile(0.95, sum by (le) (rate(peering_connection_time_to_active_seconds_bucket"
                                + "[$__rate_interval])))"));
        assertEquals(
                Set.of("peering_connections_oldest_in_state_seconds", "peering_connection_state_bound_seconds"),
                Observability.metricNames("max by (state) (peering_connections_oldest_in_state_seconds)\n"
                        + "> on (state) max by (state) (peering_connection_state_bound_seconds)"));
        assertEquals(
                Set.of("outbox_backlog"),
                Observability.metricNames(
                        "outbox_backlog > 0 and min_over_time(outbox_backlog[10m]) > 0 and deriv(outbox_backlog[10m]) > 0"));
        assertEquals(
                Set.of("peering_peer_asns", "up"),
                Observability.metricNames("max(peering_peer_asns{state=\"Pending\", x=~\"a|b\"}) + up offset 5m"));
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() throws Exception {
        JsonNode datasources = new ObjectMapper(new YAMLFactory())
                .readTree(Observability.DIR
                        .resolve("grafana/provisioning/datasources/prometheus.yml")
                        .toFile())
                .path("datasources");
        String uid = datasources.get(0).path("uid").asText();
        assertEquals("prometheus", datasources.get(0).path("type").asText());
        int queries = 0;
        for (JsonNode panel :
                new ObjectMapper().readTree(Observability.DASHBOARD.toFile()).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertEquals(
                        uid,
                        target.path("datasource").path("uid").asText(),
                        panel.path("title").asText());
                queries++;
            }
        }
        assertTrue(queries >= 20, "queries in the dashboard: " + queries);
        assertEquals(queries, Observability.dashboardExpressions().size());
    }
}
