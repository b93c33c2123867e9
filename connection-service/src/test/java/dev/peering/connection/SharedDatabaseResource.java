package dev.peering.connection;

import dev.peering.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One database for every application start that uses this resource, so a second start finds what the
 * first left: a restart of the service against the same database.
 */
public class SharedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    // Each application start may load this class anew, so the URL is kept JVM-wide.
    private static final String URL_PROPERTY = "connection-service.shared-test-database";

    private static synchronized String url() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = PostgresTestResource.newDatabase();
            System.setProperty(URL_PROPERTY, url);
        }
        return url;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", url(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // the database outlives the application: the next start uses it again
    }
}
