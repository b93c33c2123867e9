package dev.peering.connection.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PeeringViewRepository implements PanacheRepositoryBase<PeeringViewEntity, String> {}
