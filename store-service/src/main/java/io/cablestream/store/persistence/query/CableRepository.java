package io.cablestream.store.persistence.query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Reads one stored cable, within the reader's clearance (call it inside {@link ClearedReads#call}). */
@ApplicationScoped
public class CableRepository implements PanacheRepositoryBase<CableEntity, String> {

    private static final String VISIBLE_BY_ID = "SELECT * FROM cable c WHERE c.cable_id = ? AND "
            + ClearedReads.visible("c");

    private final ClearedReads reads;

    public CableRepository(ClearedReads reads) {
        this.reads = reads;
    }

    /** The cable, if it is stored and the reader may see it. */
    public Optional<CableEntity> findVisible(String cableId) {
        List<Object> clearance = reads.parameters();
        List<?> found = getEntityManager().createNativeQuery(VISIBLE_BY_ID, CableEntity.class)
                .setParameter(1, cableId)
                .setParameter(2, clearance.get(0))
                .setParameter(3, clearance.get(1))
                .getResultList();
        return found.stream().map(CableEntity.class::cast).findFirst();
    }
}
