package dev.peering.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka nodes and service instances: how many, on which ports, under which names. */
class StackOptionsTest {

    @Test
    void threeKafkaNodesTakeEverySecondPortFromTheKafkaPort() {
        StackOptions options =
                StackOptions.parse(new String[] {"up", "--brokers", "3", "--kafka-port", "19092"}, Map.of());
        assertEquals(3, options.kafkaBrokers());
        assertEquals(
                List.of(19092, 19094, 19096),
                List.of(options.kafkaPort(1), options.kafkaPort(2), options.kafkaPort(3)));
        assertEquals(
                List.of(9093, 19095, 19097),
                List.of(options.kafkaControllerPort(1), options.kafkaControllerPort(2), options.kafkaControllerPort(3)),
                "node 1 keeps its own controller port option");
        assertEquals(1, StackOptions.parse(new String[] {"up"}, Map.of()).kafkaBrokers());
        assertEquals(
                3,
                StackOptions.parse(new String[] {"up"}, Map.of("STACK_KAFKA_BROKERS", "3"))
                        .kafkaBrokers());
        assertThrows(
                IllegalArgumentException.class,
                () -> StackOptions.parse(new String[] {"up", "--brokers", "0"}, Map.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> StackOptions.parse(new String[] {"up", "--brokers", "x"}, Map.of()));
    }

    @Test
    void furtherInstancesOfAServiceAreNamedAndPlaced100PortsApart() {
        StackOptions options = StackOptions.parse(new String[] {"up", "--instances", "2"}, Map.of());
        ServiceSpec peering = ServiceSpec.ALL.get(1);
        List<ServiceInstance> instances = ServiceInstance.of(peering, options.instances());
        assertEquals(
                List.of("peering-service", "peering-service-2"),
                instances.stream().map(ServiceInstance::name).toList());
        assertEquals(
                List.of("http://localhost:8082", "http://localhost:8182"),
                instances.stream().map(i -> i.url(options)).toList());
        assertEquals(
                "http://localhost:8082,http://localhost:8182",
                GatewayLaunch.environment(options).get("PEERING_GATEWAY_ROUTES_PEERING_SERVICE"),
                "the gateway takes turns among both");
        assertThrows(
                IllegalArgumentException.class,
                () -> StackOptions.parse(new String[] {"up", "--instances", "4"}, Map.of()));
    }

    @Test
    void theRouteServerIsSimulatedUnlessBirdIsAskedFor() {
        assertEquals(false, StackOptions.parse(new String[] {"up"}, Map.of()).birdRouteServer());
        assertEquals(
                true,
                StackOptions.parse(new String[] {"up", "--route-server", "bird"}, Map.of())
                        .birdRouteServer());
        assertEquals(
                true,
                StackOptions.parse(new String[] {"up"}, Map.of("STACK_ROUTE_SERVER", "bird"))
                        .birdRouteServer());
        assertThrows(
                IllegalArgumentException.class,
                () -> StackOptions.parse(new String[] {"up", "--route-server", "gobgp"}, Map.of()));
    }
}
