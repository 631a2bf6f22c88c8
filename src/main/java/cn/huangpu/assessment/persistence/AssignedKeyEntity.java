package cn.huangpu.assessment.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose key the application assigns (a campaign and a unit code, say). Spring Data cannot tell
 * a new one from a stored one by such a key and would read each row before inserting it; this one is new
 * until it is loaded or saved, so that saving many new rows inserts them in batches without reading them.
 */
@MappedSuperclass
public abstract class AssignedKeyEntity<K> implements Persistable<K> {

    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }
}
