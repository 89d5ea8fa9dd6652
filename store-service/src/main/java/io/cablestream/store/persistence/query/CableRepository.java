package io.cablestream.store.persistence.query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads stored cables. */
@ApplicationScoped
public class CableRepository implements PanacheRepositoryBase<CableEntity, String> {
}
