package dev.peering.localstack;

import java.nio.file.Path;

/** The {@code server.properties} of a single-node KRaft broker, as the local stack and the fault suite run it. */
public final class KafkaServerProperties {

    private KafkaServerProperties() {}

    /**
     * The controller quorum is a static voter list rather than a dynamic quorum: the voter's address is
     * then read from this file at each start, so a changed controller port keeps working on an existing
     * data folder. {@code extra} lines are appended as they are.
     */
    public static String of(Path logDirs, int port, int controllerPort, String... extra) {
        StringBuilder properties = new StringBuilder(String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDirs,
                // The services create their topics themselves, as they must in production.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0"));
        for (String line : extra) {
            properties.append('\n').append(line);
        }
        return properties.append('\n').toString();
    }
}
