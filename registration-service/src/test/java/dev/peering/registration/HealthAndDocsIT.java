package dev.peering.registration;

import dev.peering.testsupport.HealthAndDocs;
import dev.peering.testsupport.KafkaTestResource;
import dev.peering.testsupport.PostgresTestResource;
import dev.peering.testsupport.TokensTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(TokensTestResource.class)
class HealthAndDocsIT {

    @Test
    void operationsListed() {
        HealthAndDocs.operationsListed();
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        HealthAndDocs.readinessCoversTheDatabaseAndKafka();
    }

    @Test
    void openApiDocumentsTheOperations() {
        HealthAndDocs.openApiDocuments(
                "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers"
                        + "/Microsoft.Peering/peerings/{peeringName}/registeredAsns/{registeredAsnName}",
                "/peeringServices/{peeringServiceName}/prefixes/{prefixName}");
    }
}
