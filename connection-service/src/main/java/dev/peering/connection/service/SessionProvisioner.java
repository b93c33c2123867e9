package dev.peering.connection.service;

import dev.peering.connection.persistence.ConnectionEntity;

/**
 * The port behind an Active connection's BGP sessions (ADR 0014): the simulation, or a real route
 * server. The state machine and the events are the same for both; only where session states come from
 * differs. Each adapter says which steps it takes on the provisioner's schedule.
 */
public interface SessionProvisioner {

    /** Whether an Active connection has a session step for the provisioner's schedule. */
    boolean hasSessionStep(ConnectionEntity e);

    /** Takes that step, in the provisioner's transaction, with its events. */
    void stepSessions(ConnectionEntity e);
}
