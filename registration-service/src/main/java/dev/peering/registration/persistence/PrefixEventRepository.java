package dev.peering.registration.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PrefixEventRepository implements PanacheRepositoryBase<PrefixEventEntity, Long> {

    /** A prefix's history, oldest first. */
    public List<PrefixEventEntity> of(String prefixId) {
        return find("prefixId", Sort.by("id"), prefixId).list();
    }

    public void deleteOf(String prefixId) {
        delete("prefixId", prefixId);
    }
}
